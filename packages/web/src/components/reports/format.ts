import { ReportFormat, reportFormatLabels } from '@arshjul/domain'

export const formats = ReportFormat.options

/** "webbsida (HTML)" in a sentence, "Webbsida (HTML)" on its own. */
export const formatName = (format: ReportFormat) =>
  reportFormatLabels[format].charAt(0).toUpperCase() + reportFormatLabels[format].slice(1)

const issuedAtFormat = new Intl.DateTimeFormat('sv-SE', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/Stockholm',
})

/** When a version was issued, in Swedish time: "24 november 2026 kl. 14:05". */
export const issuedAt = (iso: string) => issuedAtFormat.format(new Date(iso))
