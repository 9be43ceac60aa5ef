/** Text with blank-line or line-break separated paragraphs, as the source documents have them. */
export function Paragraphs({ text }: { text: string }) {
  const paragraphs = text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean)
  return (
    <>
      {paragraphs.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of a fixed text have no identity of their own
        <p key={i}>{p}</p>
      ))}
    </>
  )
}
