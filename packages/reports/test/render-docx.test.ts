import JSZip from 'jszip'
import { SaxesParser } from 'saxes'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ReportDocument, Section } from '../src/model.ts'
import { renderDocx } from '../src/render/docx.ts'
import { sampleDocument } from './fixtures/sample-document.ts'

// ---------------------------------------------------------------------------------------------------
// A small XML tree from a strict, namespace-aware parser (saxes throws on anything not well-formed).

interface XmlElement {
  name: string
  attributes: Record<string, string>
  children: (XmlElement | string)[]
}

function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#document', attributes: {}, children: [] }
  const stack: XmlElement[] = [root]
  const parser = new SaxesParser({ xmlns: true })
  parser.on('error', (error) => {
    throw error
  })
  parser.on('opentag', (tag) => {
    const attributes = Object.fromEntries(Object.entries(tag.attributes).map(([key, a]) => [key, a.value]))
    const element: XmlElement = { name: tag.name, attributes, children: [] }
    stack.at(-1)?.children.push(element)
    stack.push(element)
  })
  parser.on('closetag', () => {
    stack.pop()
  })
  parser.on('text', (text) => {
    stack.at(-1)?.children.push(text)
  })
  parser.write(xml).close()
  return root
}

function elementsOf(node: XmlElement, name: string): XmlElement[] {
  return node.children.flatMap((child) =>
    typeof child === 'string' ? [] : [...(child.name === name ? [child] : []), ...elementsOf(child, name)],
  )
}

function childOf(node: XmlElement, name: string): XmlElement | undefined {
  return node.children.find((child): child is XmlElement => typeof child !== 'string' && child.name === name)
}

/** The text Word shows: w:t contents, tabs and breaks (field instructions are not text). */
function textOf(node: XmlElement): string {
  if (node.name === 'w:tabs') return ''
  if (node.name === 'w:tab') return '\t'
  if (node.name === 'w:br') return '\n'
  return node.children
    .map((child) => (typeof child === 'string' ? (node.name === 'w:t' ? child : '') : textOf(child)))
    .join('')
}

function styleOf(paragraph: XmlElement): string | undefined {
  const properties = childOf(paragraph, 'w:pPr')
  return properties && childOf(properties, 'w:pStyle')?.attributes['w:val']
}

function paragraphs(node: XmlElement): { style: string | undefined; text: string }[] {
  return elementsOf(node, 'w:p').map((p) => ({ style: styleOf(p), text: textOf(p) }))
}

function body(document: XmlElement): XmlElement {
  const root = childOf(document, 'w:document')
  const found = root && childOf(root, 'w:body')
  if (!found) throw new Error('word/document.xml has no w:body')
  return found
}

/** The table right after the caption paragraph with this text. */
function tableAfter(document: XmlElement, caption: string): XmlElement {
  const children = body(document).children.filter((c): c is XmlElement => typeof c !== 'string')
  const index = children.findIndex((c) => c.name === 'w:p' && textOf(c) === caption)
  const table = children[index + 1]
  if (index < 0 || table?.name !== 'w:tbl') throw new Error(`No table after the caption "${caption}"`)
  return table
}

function rowsOf(table: XmlElement): XmlElement[] {
  return table.children.filter((c): c is XmlElement => typeof c !== 'string' && c.name === 'w:tr')
}

function cellTexts(row: XmlElement): string[] {
  return elementsOf(row, 'w:tc').map(textOf)
}

function attributeOf(node: XmlElement, path: string[], attribute: string): string | undefined {
  const [first, ...rest] = path
  if (first === undefined) return node.attributes[attribute]
  const next = elementsOf(node, first)[0]
  return next && attributeOf(next, rest, attribute)
}

// ---------------------------------------------------------------------------------------------------
// The rendered package

interface Rendered {
  bytes: Uint8Array
  files: string[]
  xml: (path: string) => Promise<XmlElement>
  raw: (path: string) => Promise<string>
}

async function render(doc: ReportDocument, options?: { charts?: Map<string, string> }): Promise<Rendered> {
  const bytes = await renderDocx(doc, options)
  const zip = await JSZip.loadAsync(bytes)
  const raw = async (path: string) => {
    const file = zip.file(path)
    if (!file) throw new Error(`${path} is missing from the package`)
    return file.async('string')
  }
  return { bytes, files: Object.keys(zip.files), raw, xml: async (path) => parseXml(await raw(path)) }
}

const withSections = (doc: ReportDocument, sections: Section[]): ReportDocument => ({ ...doc, sections })

afterEach(() => {
  vi.useRealTimers()
})

describe('renderDocx', () => {
  it('writes an Office Open XML package whose parts are well-formed XML', async () => {
    const { bytes, files, xml } = await render(sampleDocument)
    expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04])
    expect(files).toEqual(
      expect.arrayContaining(['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/styles.xml']),
    )
    const types = await xml('[Content_Types].xml')
    const overrides = elementsOf(types, 'Override').map((o) => o.attributes.PartName)
    expect(overrides).toContain('/word/document.xml')
    for (const part of files.filter((f) => f.endsWith('.xml') || f.endsWith('.rels'))) {
      await expect(xml(part), part).resolves.toBeDefined()
    }
  })

  it('opens with the title, board, municipality and decision, and a table of contents', async () => {
    const document = await (await render(sampleDocument)).xml('word/document.xml')
    const [title, subtitle, decision] = paragraphs(body(document))
    expect(title).toEqual({ style: 'Title', text: 'Verksamhetsberättelse 2024' })
    expect(subtitle).toEqual({ style: 'Subtitle', text: 'Kommunstyrelsen, Luleå kommun' })
    expect(decision?.text).toBe('Beslut: KS 2025-02-24 § 31')

    const fieldCodes = elementsOf(document, 'w:instrText').map((i) => i.children.join('').trim())
    expect(fieldCodes.some((code) => code.startsWith('TOC'))).toBe(true)
    const toc = paragraphs(document).filter((p) => p.style === 'TOC1' || p.style === 'TOC2')
    expect(toc.map((p) => p.text.split('\t')[0])).toEqual([
      '1 Inledning',
      '2 Måluppföljning',
      '2.1 Öka takten i samhällsbyggnadsprocessen',
      '3 Ekonomisk redovisning',
    ])

    // Each entry links to a bookmark around its heading, numbered from 1 whatever was rendered before.
    const anchors = elementsOf(document, 'w:hyperlink').map((link) => link.attributes['w:anchor'])
    expect(anchors).toEqual(['_Toc1', '_Toc2', '_Toc3', '_Toc4'])
    const starts = elementsOf(body(document), 'w:bookmarkStart')
    expect(starts.map((b) => b.attributes['w:name'])).toEqual(anchors)
    const ends = elementsOf(body(document), 'w:bookmarkEnd').map((b) => b.attributes['w:id'])
    expect(ends).toEqual(starts.map((b) => b.attributes['w:id']))
  })

  it('leaves out the decision before there is one', async () => {
    const undecided = {
      ...sampleDocument,
      followUp: { ...sampleDocument.followUp, status: 'draft', decisionRef: null, decidedOn: null },
    }
    const document = await (await render(undecided)).xml('word/document.xml')
    expect(paragraphs(document).some((p) => p.text.startsWith('Beslut'))).toBe(false)
  })

  it('says a report is decided when its source gave no reference', async () => {
    const decided = {
      ...sampleDocument,
      followUp: { ...sampleDocument.followUp, decisionRef: null, decidedOn: '2025-02-24' },
    }
    const document = await (await render(decided)).xml('word/document.xml')
    expect(paragraphs(document).some((p) => p.text === 'Beslutad 2025-02-24')).toBe(true)
  })

  it('numbers the sections in Word heading styles by depth', async () => {
    const document = await (await render(sampleDocument)).xml('word/document.xml')
    const headings = paragraphs(body(document)).filter((p) => p.style?.startsWith('Heading'))
    expect(headings).toEqual([
      { style: 'Heading1', text: '1 Inledning' },
      { style: 'Heading1', text: '2 Måluppföljning' },
      { style: 'Heading2', text: '2.1 Öka takten i samhällsbyggnadsprocessen' },
      { style: 'Heading1', text: '3 Ekonomisk redovisning' },
    ])

    const leaf = (id: string, title: string, sections: Section[] = []): Section => ({
      id,
      title,
      blocks: [],
      sections,
    })
    const deep = withSections(sampleDocument, [
      leaf('a', 'Ett'),
      leaf('b', 'Två', [leaf('b1', 'Första'), leaf('b2', 'Andra', [leaf('b2a', 'Djupast')])]),
    ])
    const deepDocument = await (await render(deep)).xml('word/document.xml')
    expect(paragraphs(body(deepDocument)).filter((p) => p.style?.startsWith('Heading'))).toEqual([
      { style: 'Heading1', text: '1 Ett' },
      { style: 'Heading1', text: '2 Två' },
      { style: 'Heading2', text: '2.1 Första' },
      { style: 'Heading2', text: '2.2 Andra' },
      { style: 'Heading3', text: '2.2.1 Djupast' },
    ])
  })

  it('writes the economy table with caption, unit, repeating header and the display texts', async () => {
    const document = await (await render(sampleDocument)).xml('word/document.xml')
    const table = tableAfter(document, 'Driftredovisning 2024 (mkr)')
    const [header, group, first, , total] = rowsOf(table)
    if (!header || !group || !first || !total) throw new Error('The table has too few rows')

    expect(cellTexts(header)).toEqual(['Enhet', 'Budget', 'Utfall', 'Avvikelse'])
    expect(elementsOf(header, 'w:tblHeader')).toHaveLength(1)
    expect(elementsOf(first, 'w:tblHeader')).toHaveLength(0)

    expect(cellTexts(group)).toEqual(['Kommunstyrelseförvaltningen'])
    expect(attributeOf(group, ['w:gridSpan'], 'w:val')).toBe('4')
    expect(elementsOf(group, 'w:b').length).toBeGreaterThan(0)

    // True minus sign (U+2212), exactly as the model's display text.
    expect(cellTexts(first)).toEqual(['1011 KC Säkerhet & beredskap', '\u22127,9', '\u22126,7', '1,2'])
    const alignments = elementsOf(first, 'w:tc').map((cell) => attributeOf(cell, ['w:jc'], 'w:val'))
    expect(alignments).toEqual(['left', 'right', 'right', 'right'])

    expect(cellTexts(total)).toEqual(['Summa', '\u221228,2', '\u221228,8', '\u22120,6'])
    for (const run of elementsOf(total, 'w:r')) expect(elementsOf(run, 'w:b')).toHaveLength(1)
    for (const run of elementsOf(first, 'w:r')) expect(elementsOf(run, 'w:b')).toHaveLength(0)

    expect(paragraphs(body(document))).toContainEqual({
      style: 'TableNote',
      text: 'Budget efter omfördelningar under året.',
    })
  })

  it('prints levels and the legend as symbol and words, the colour only reinforcing', async () => {
    const document = await (await render(sampleDocument)).xml('word/document.xml')
    const goals = rowsOf(tableAfter(document, 'Sammanställning måluppfyllelse')).map(cellTexts)
    expect(goals).toEqual([
      ['Nämndmål', 'Bedömning'],
      ['Öka takten i samhällsbyggnadsprocessen', '● Helt uppfyllt'],
      ['Förbättrat företagsklimat', '◑ Delvis uppfyllt'],
    ])
    const legend = rowsOf(tableAfter(document, 'Symboler för bedömning'))
    expect(legend.map(cellTexts)).toEqual([
      ['Symbol', 'Betydelse'],
      ['●', 'Helt uppfyllt'],
      ['◕', 'I hög grad uppfyllt'],
      ['◑', 'Delvis uppfyllt'],
      ['○', 'Ej uppfyllt'],
    ])
    expect(attributeOf(legend[3] ?? document, ['w:color'], 'w:val')).toBe('F5C518')
  })

  it('splits paragraphs, bullets lists, and writes charts and notes as text', async () => {
    const { xml, files } = await render(sampleDocument, { charts: new Map([['operating-chart', '<svg/>']]) })
    const document = await xml('word/document.xml')
    const texts = paragraphs(body(document))
    expect(texts).toContainEqual({ style: undefined, text: 'Planberedskapen har ökat.' })
    expect(texts).toContainEqual({ style: undefined, text: 'Handläggningstiderna är fortfarande långa.' })

    const bulleted = elementsOf(body(document), 'w:p').filter((p) => elementsOf(p, 'w:numPr').length > 0)
    expect(bulleted.map(textOf)).toEqual(['Ny planprocess införd', 'Strategiska markinköp'])
    const numbering = await xml('word/numbering.xml')
    expect(elementsOf(numbering, 'w:numFmt').map((f) => f.attributes['w:val'])).toContain('bullet')

    const caption = texts.findIndex((p) => p.text === 'Budget och utfall per enhet 2024')
    expect(texts[caption]?.style).toBe('Caption')
    expect(texts[caption + 1]?.text).toBe('Stapeldiagram: KC Ekonomi har störst utfall, 22,1 mkr.')
    expect(files.some((f) => f.startsWith('word/media/'))).toBe(false)

    expect(texts).toContainEqual({
      style: 'Note',
      text: 'Beloppen är avrundade var för sig; summan räknas på exakta belopp.',
    })
    const styles = await xml('word/styles.xml')
    const note = elementsOf(styles, 'w:style').find((s) => s.attributes['w:styleId'] === 'Note')
    expect(note && elementsOf(note, 'w:i')).toHaveLength(1)
  })

  it('sets the language to sv-SE', async () => {
    const { xml } = await render(sampleDocument)
    const styles = await xml('word/styles.xml')
    const defaults = elementsOf(styles, 'w:rPrDefault')[0]
    expect(defaults && attributeOf(defaults, ['w:lang'], 'w:val')).toBe('sv-SE')
    const core = await xml('docProps/core.xml')
    expect(elementsOf(core, 'dc:language').map(textOfElement)).toEqual(['sv-SE'])
  })

  it('has a footer with the board, the title and "page (pages)"', async () => {
    const { files, xml } = await render(sampleDocument)
    const footers = files.filter((f) => /^word\/footer\d+\.xml$/.test(f))
    expect(footers).toHaveLength(1)
    const footer = await xml(footers[0] ?? '')
    const fieldCodes = elementsOf(footer, 'w:instrText').map((i) => i.children.join('').trim())
    expect(fieldCodes).toEqual(['PAGE', 'NUMPAGES'])
    const [text] = paragraphs(footer).map((p) => p.text)
    // The cached NUMPAGES result is docx's estimate; Word recomputes both fields.
    expect(text).toMatch(/^Kommunstyrelsen · Verksamhetsberättelse 2024\t \(\d*\)$/)
  })

  it('renders the same document to the same bytes, dated by the decision', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2025-03-01T10:00:00Z'))
    const first = await render(sampleDocument)
    vi.setSystemTime(new Date('2026-07-15T17:31:07Z'))
    const second = await render(sampleDocument)
    expect(Buffer.from(second.bytes).equals(Buffer.from(first.bytes))).toBe(true)

    const core = await first.xml('docProps/core.xml')
    expect(elementsOf(core, 'dcterms:created').map(textOfElement)).toEqual(['2025-02-24T00:00:00Z'])
    expect(elementsOf(core, 'dcterms:modified').map(textOfElement)).toEqual(['2025-02-24T00:00:00Z'])
    expect(elementsOf(core, 'dc:title').map(textOfElement)).toEqual(['Verksamhetsberättelse 2024'])

    const zip = await JSZip.loadAsync(first.bytes)
    const dates = Object.values(zip.files).map((f) => f.date.getTime())
    expect(new Set(dates).size).toBe(1)
  })

  it('leaves an undecided document undated and still deterministic', async () => {
    const undecided = { ...sampleDocument, followUp: { ...sampleDocument.followUp, decidedOn: null } }
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2025-03-01T10:00:00Z'))
    const first = await render(undecided)
    vi.setSystemTime(new Date('2025-03-02T11:00:00Z'))
    const second = await render(undecided)
    expect(Buffer.from(second.bytes).equals(Buffer.from(first.bytes))).toBe(true)
    const core = await first.xml('docProps/core.xml')
    expect(elementsOf(core, 'dcterms:created')).toHaveLength(0)
  })

  it('escapes XML-special characters everywhere text goes', async () => {
    const special = 'A & B <c>'
    const doc: ReportDocument = {
      ...sampleDocument,
      title: special,
      board: special,
      sections: [
        {
          id: 'special',
          title: special,
          blocks: [
            { kind: 'paragraph', text: `${special}\n\n"${special}"` },
            { kind: 'list', items: [special] },
            {
              kind: 'table',
              id: 't',
              caption: special,
              unit: '<mkr>',
              columns: [{ key: 'k', label: special, align: 'left' }],
              rows: [{ kind: 'data', cells: [{ kind: 'text', text: special }] }],
              notes: [special],
            },
            { kind: 'note', text: special },
          ],
          sections: [],
        },
      ],
    }
    const { files, xml, raw } = await render(doc)
    const document = await xml('word/document.xml')
    const texts = paragraphs(body(document)).map((p) => p.text)
    expect(texts.filter((t) => t === special).length).toBeGreaterThanOrEqual(5)
    expect(texts).toContain(`"${special}"`)
    expect(texts).toContain(`1 ${special}`)
    expect(rowsOf(tableAfter(document, `${special} (<mkr>)`)).map(cellTexts)).toEqual([[special], [special]])
    expect(await raw('word/document.xml')).toContain('A &amp; B &lt;c&gt;')

    const core = await xml('docProps/core.xml')
    expect(elementsOf(core, 'dc:title').map(textOfElement)).toEqual([special])
    const footer = await xml(files.find((f) => /^word\/footer\d+\.xml$/.test(f)) ?? '')
    expect(paragraphs(footer)[0]?.text.startsWith(`${special} · ${special}`)).toBe(true)
  })
})

/** The plain text content of a non-Word element (core properties). */
function textOfElement(node: XmlElement): string {
  return node.children.map((child) => (typeof child === 'string' ? child : textOfElement(child))).join('')
}
