/**
 * The document as Typst source, for the PDF. Everything the document says is passed as Typst
 * strings (escaped), never as markup, so no text from a user can change the layout. The template
 * gives numbered headings ("3.2"), a table of contents, page numbers "6 (33)" with the board and
 * document in the footer, and repeating table headers.
 */

import type { Block, Cell, ChartBlock, ReportDocument, Row, Section, TableBlock } from '../model.ts'
import { decisionOf } from './decision.ts'

/** A Typst string literal: quotes, backslashes and control characters escaped. */
export function typstString(text: string): string {
  let out = '"'
  for (const ch of text) {
    if (ch === '\\') out += '\\\\'
    else if (ch === '"') out += '\\"'
    else if (ch === '\n') out += '\\n'
    else if (ch === '\r') out += ''
    else if (ch === '\t') out += '\\t'
    else out += ch
  }
  return `${out}"`
}

/** Text as content: `#"…"` would be code; in markup positions we use `#(…)` around a string. */
const text = (value: string) => `#(${typstString(value)})`

export interface TypstOptions {
  /** Chart id → the path of its SVG in the compiler's virtual files. */
  chartFiles?: Map<string, string> | undefined
  /** The font family; the fonts are given to the compiler as files. */
  font: string
}

const preamble = (doc: ReportDocument, font: string) => `
#set document(title: ${typstString(doc.title)}, author: ${typstString(doc.board)})
#set text(lang: "sv", region: "SE", font: ${typstString(font)}, size: 10pt)
#set par(justify: false, leading: 0.6em, spacing: 0.9em)
#set heading(numbering: "1.1")
#show heading.where(level: 1): it => { pagebreak(weak: true); block(below: 1em, text(size: 18pt, weight: "bold", it)) }
#show heading.where(level: 2): it => block(above: 1.4em, below: 0.8em, text(size: 13pt, weight: "bold", it))
#show heading.where(level: 3): it => block(above: 1.2em, below: 0.6em, text(size: 11pt, weight: "bold", it))
#show table.cell.where(y: 0): set text(weight: "bold")
#show figure.where(kind: table): set figure.caption(position: top)
#show figure: set block(breakable: true)
#set table(stroke: (x, y) => (bottom: 0.4pt + luma(180)), inset: (x: 4pt, y: 3pt))
#set page(
  paper: "a4",
  margin: (x: 22mm, top: 22mm, bottom: 24mm),
  footer: context {
    set text(size: 8pt, fill: luma(90))
    ${typstString(`${doc.board} · ${doc.title}`)}
    h(1fr)
    [#counter(page).display() (#counter(page).final().first())]
  },
)
`

function titlePage(doc: ReportDocument): string {
  const decided = decisionOf(doc)
  const decision =
    decided.kind === 'reference'
      ? `Beslutad: ${decided.text}`
      : decided.kind === 'decided'
        ? decided.text
        : 'Utkast – ej beslutad'
  return `
#align(left + horizon)[
  #text(size: 11pt, fill: luma(80))[${text(doc.municipality)}]
  #v(4pt)
  #text(size: 26pt, weight: "bold")[${text(doc.title)}]
  #v(2pt)
  #text(size: 16pt)[${text(doc.board)}]
  #v(12pt)
  #text(size: 10pt)[${text(decision)}]
]
#pagebreak()
#outline(title: ${typstString('Innehåll')}, depth: 3)
`
}

/** The text of a cell as printed (the level's symbol and words; colour only as a swatch). */
function cellContent(cell: Cell): string {
  if (cell.kind === 'number') return text(cell.display)
  if (cell.kind === 'text') return text(cell.text)
  return `#box(width: 6pt, height: 6pt, fill: rgb(${typstString(cell.colour)}), baseline: -1pt) ${text(`${cell.symbol} ${cell.label}`)}`
}

function rowCells(table: TableBlock, row: Row): string {
  if (row.kind === 'group') {
    const first = row.cells[0]
    const label = first && first.kind === 'text' ? first.text : ''
    return `table.cell(colspan: ${table.columns.length}, inset: (top: 6pt))[#strong[${text(label)}]]`
  }
  const strong = row.kind === 'subtotal' || row.kind === 'total'
  return row.cells
    .map((cell, i) => {
      const align = table.columns[i]?.align === 'right' ? 'right' : 'left'
      const content = strong ? `#strong[${cellContent(cell)}]` : cellContent(cell)
      const stroke = row.kind === 'total' ? ', stroke: (top: 0.8pt + black, bottom: 0.8pt + black)' : ''
      return `table.cell(align: ${align}${stroke})[${content}]`
    })
    .join(', ')
}

function table(block: TableBlock): string {
  // Text columns share the width; number columns take what their widest figure or heading word needs.
  const widths = block.columns.map((c) => (c.align === 'right' ? 'auto' : `${c.width ?? 1}fr`)).join(', ')
  const size = block.columns.length > 5 ? '8pt' : '9pt'
  const header = block.columns
    .map((c) => `table.cell(align: ${c.align === 'right' ? 'right' : 'left'})[${text(c.label)}]`)
    .join(', ')
  const body = block.rows.map((row) => rowCells(block, row)).join(',\n    ')
  const caption = block.unit ? `${block.caption} (${block.unit})` : block.caption
  const notes = (block.notes ?? []).map((n) => `#text(size: 8pt)[${text(n)}]`).join('\n')
  return `
#figure(
  kind: table,
  caption: [${text(caption)}],
  text(size: ${size}, table(
    columns: (${widths}),
    table.header(${header}),
    ${body}
  )),
) <${label(block.id)}>
${notes}
`
}

/** A Typst label from an id: letters, digits, "-", "_", ".", ":" are allowed. */
export const label = (id: string) => `t-${id.replace(/[^A-Za-z0-9_.:-]/g, '-')}`

function chart(block: ChartBlock, files: Map<string, string> | undefined): string {
  const path = files?.get(block.id)
  const body = path
    ? `image(${typstString(path)}, width: 100%, alt: ${typstString(block.alt)})`
    : `block(inset: 8pt, stroke: 0.4pt + luma(160))[${text(block.alt)}]`
  return `
#figure(
  ${body},
  caption: [${text(block.caption)}],
)
`
}

function paragraphs(value: string): string {
  return value
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => `${text(p)}\n`)
    .join('\n')
}

function blockSource(block: Block, options: TypstOptions): string {
  switch (block.kind) {
    case 'paragraph':
      return paragraphs(block.text)
    case 'list':
      return block.items.map((item) => `- ${text(item)}`).join('\n')
    case 'legend':
      return `#block(above: 0.6em, below: 0.8em)[#strong[${text(block.title)}] #h(6pt) ${block.items
        .map(
          (i) =>
            `#box(width: 6pt, height: 6pt, fill: rgb(${typstString(i.colour)}), baseline: -1pt) ${text(`${i.symbol} ${i.label}`)}`,
        )
        .join(' #h(8pt) ')}]`
    case 'table':
      return table(block)
    case 'chart':
      return chart(block, options.chartFiles)
    case 'note':
      return `#text(size: 8pt, style: "italic")[${text(block.text)}]`
  }
}

function sectionSource(section: Section, depth: number, options: TypstOptions): string {
  const marks = '='.repeat(depth)
  const blocks = section.blocks.map((b) => blockSource(b, options)).join('\n\n')
  const children = section.sections.map((s) => sectionSource(s, depth + 1, options)).join('\n')
  return `${marks} ${text(section.title)} <${label(section.id)}>\n\n${blocks}\n\n${children}`
}

/** The whole document as one Typst source file. */
export function toTypst(doc: ReportDocument, options: TypstOptions): string {
  return [
    preamble(doc, options.font),
    titlePage(doc),
    ...doc.sections.map((s) => sectionSource(s, 1, options)),
  ].join('\n')
}
