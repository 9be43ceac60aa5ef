/**
 * The document model: what a report says, independent of how it is rendered. Every renderer (PDF
 * through Typst, DOCX, XLSX, HTML) takes the same `ReportDocument`; the validator checks it before
 * anything is rendered. Numbers keep their exact value next to the text they print as, and each
 * figure names its source, so a table can be re-added, an identity re-checked and a figure traced.
 */

export type ReportKind = 'business-plan' | 'monthly' | 'tertial' | 'interim' | 'annual'

/** Where a figure comes from: an import, a Kolada fetch, a person's entry, or a computation. */
export interface FigureSource {
  kind: 'import' | 'kolada' | 'entered' | 'computed' | 'seed'
  /** "SIE-import ks-2024.se", "Kolada N00090", "Cecilia Controller", "Summa av raderna". */
  label: string
  /** ISO timestamp of the import, fetch or entry, when known. */
  at?: string | undefined
}

/** A cell that prints a number. `value` is the number as shown (already rounded), for XLSX. */
export interface NumberCell {
  kind: 'number'
  value: number | null
  /** The text as printed, sv-SE: "−284,8", "3,03 %", "–" for none. */
  display: string
  /** Decimals shown, for spreadsheet number formats. */
  decimals: number
  /**
   * The exact value behind the printed one, for identities: öre for money, the unrounded number
   * otherwise. A string, so that öre beyond 2^53 and decimals survive JSON.
   */
  exact?: string | undefined
  /** The key of the figure (see `ReportDocument.figures`): the same key must print the same everywhere. */
  figure?: string | undefined
}

export interface TextCell {
  kind: 'text'
  text: string
}

/** A level of the municipality's assessment scale: symbol and words, the colour only reinforces. */
export interface LevelCell {
  kind: 'level'
  label: string
  symbol: string
  colour: string
}

export type Cell = NumberCell | TextCell | LevelCell

export interface Column {
  key: string
  label: string
  align: 'left' | 'right'
  /** A relative width (1 = a normal column); renderers may ignore it. */
  width?: number | undefined
}

export interface Row {
  /** `group` is a heading row inside the table; `subtotal` and `total` are sums of rows above. */
  kind: 'data' | 'group' | 'subtotal' | 'total'
  cells: Cell[]
}

/**
 * An identity a table relies on, checked on exact values by the validator:
 * - `sum`: rows `parts` add up to row `total` in each of `columns`;
 * - `difference`: in each row listed, column `result` = `deviation(budget, outcome)` under the
 *   municipality's sign convention (`costs-positive`: budget − outcome; `costs-negative`: outcome − budget).
 */
export type TableCheck =
  | { kind: 'sum'; label: string; columns: number[]; parts: number[]; total: number }
  | {
      kind: 'difference'
      label: string
      rows: number[]
      budget: number
      outcome: number
      result: number
      sign: 'costs-positive' | 'costs-negative'
    }

export interface TableBlock {
  kind: 'table'
  id: string
  /** The caption, which also names the table for screen readers and spreadsheets. */
  caption: string
  columns: Column[]
  rows: Row[]
  /** Amounts in "mkr", "tkr" …, shown with the caption. */
  unit?: string | undefined
  checks?: TableCheck[] | undefined
  notes?: string[] | undefined
}

/** A paragraph. `cites` lists the figures its numbers come from, so they can be re-checked. */
export interface ParagraphBlock {
  kind: 'paragraph'
  text: string
  cites?: Citation[] | undefined
  /** A drafted paragraph (from the figures) rather than one written by a person. */
  drafted?: boolean | undefined
}

/** A number a sentence uses: which figure, and the value it had when the sentence was written. */
export interface Citation {
  figure: string
  value: string
}

export interface ListBlock {
  kind: 'list'
  items: string[]
}

/** The symbols of the assessment scale, explained. */
export interface LegendBlock {
  kind: 'legend'
  title: string
  items: { symbol: string; colour: string; label: string }[]
}

/**
 * A chart: an ECharts option rendered to SVG on the server, with a text alternative; the table
 * with the same numbers is elsewhere in the document (`table`).
 */
export interface ChartBlock {
  kind: 'chart'
  id: string
  caption: string
  alt: string
  option: Record<string, unknown>
  width: number
  height: number
  table?: string | undefined
}

export interface NoteBlock {
  kind: 'note'
  text: string
}

export type Block = ParagraphBlock | ListBlock | TableBlock | LegendBlock | ChartBlock | NoteBlock

export interface Section {
  /** Stable within the document ("economy", "goal-ksf25-…"): anchors, links and golden tests use it. */
  id: string
  title: string
  blocks: Block[]
  sections: Section[]
}

/** A figure of the document: what it is, its exact value (öre for money) and where it comes from. */
export interface FigureEntry {
  label: string
  exact: string
  source: FigureSource
  /** 'öre' for money (shown in kronor), absent for counts and measured values. */
  unit?: 'öre' | undefined
}

/** What the validator found; `error`s block issuing unless the controller signs an exception. */
export interface Finding {
  severity: 'error' | 'warning' | 'note'
  /** Where: "Tabell Driftredovisning, rad Summa, kolumn Utfall", a section title, a figure key. */
  where: string
  message: string
}

export interface ReportDocument {
  kind: ReportKind
  /** "Verksamhetsberättelse 2024". */
  title: string
  /** "Kommunstyrelsen". */
  board: string
  municipality: string
  year: number
  /** The follow-up the document reports, and its decision once decided. */
  followUp: { key: string; status: string; decisionRef: string | null; decidedOn: string | null }
  /** Where the data came from: the snapshot frozen at the decision, or the live database. */
  basis: { kind: 'snapshot'; sha256: string } | { kind: 'live' }
  sections: Section[]
  /** Every figure with a key: what it is, its exact value and its source. */
  figures: Record<string, FigureEntry>
  /** Findings the builder already knows (e.g. a source document that printed another figure). */
  notes: Finding[]
  /** Identities across the document, beyond those of single tables. */
  checks?: DocumentCheck[] | undefined
  /** Figures the source document printed differently (a historical report loaded as data). */
  printed?: { figure: string; printed: string; location: string }[] | undefined
}

/**
 * `count`: the number of rows of table `table` whose cell in `column` reads `match` (a level's
 * label, a status) — or all its data rows when `match` is absent — equals figure `figure`.
 */
export interface DocumentCheck {
  kind: 'count'
  label: string
  figure: string
  table: string
  column: number
  match?: string | undefined
}
