/**
 * The document font: Source Sans 3 (SIL Open Font License), shipped as TTF files in an npm
 * package, so the PDF looks the same on every machine whatever fonts it has installed.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

export const REPORT_FONT = 'Source Sans 3'

const styles = ['400Regular', '400Regular_Italic', '600SemiBold', '700Bold', '700Bold_Italic'] as const

let cached: Buffer[] | null = null

/** The font files, read once. */
export function reportFonts(): Buffer[] {
  if (cached) return cached
  const require = createRequire(import.meta.url)
  const root = dirname(require.resolve('@expo-google-fonts/source-sans-3/package.json'))
  cached = styles.map((style) => readFileSync(join(root, style, `SourceSans3_${style}.ttf`)))
  return cached
}
