/**
 * A light tint of a level colour, for badge backgrounds behind dark text. The colour only
 * reinforces the symbol and the label (WCAG 1.4.1); dark text on a tint this light keeps well
 * above 4.5:1 whatever colour the municipality chose.
 */
export function tint(hex: string, share = 0.2): string {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex)
  if (!match) return '#f2f2f2'
  const channels = match.slice(1, 4).map((h) => Math.round(255 - (255 - Number.parseInt(h, 16)) * share))
  return `#${channels.map((c) => c.toString(16).padStart(2, '0')).join('')}`
}
