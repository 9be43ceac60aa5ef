import { describe, expect, it } from 'vitest'
import { checkTemplate, TemplateError } from '../src/build/document.ts'
import type { ReportDocument } from '../src/model.ts'
import { ReportRenderError, renderCharts, stableClassNames } from '../src/render/charts.ts'
import { renderPdf } from '../src/render/pdf.ts'
import { typstString } from '../src/render/typst.ts'
import { sampleDocument } from './fixtures/sample-document.ts'
import { pdfText } from './support/raster.ts'

const hostile = [
  'Citat "så här" och \\ bakstreck',
  '#set page(width: 1cm) #pagebreak()',
  'Hakparentes ] och [ och $x^2$ och *fetstil* och _kursiv_ och <etikett> @hänvisning',
  '// inte en kommentar /* inte heller */',
]

describe('the document as Typst', () => {
  it('passes every text as a string: nothing a user writes becomes markup', () => {
    expect(typstString('a "b" \\ c\nd')).toBe('"a \\"b\\" \\\\ c\\nd"')
    const doc: ReportDocument = structuredClone(sampleDocument)
    doc.title = hostile[1] ?? ''
    const foreword = doc.sections[0]
    if (!foreword) throw new Error('no section')
    foreword.title = hostile[2] ?? ''
    foreword.blocks = hostile.map((text) => ({ kind: 'paragraph' as const, text }))
    const pdf = renderPdf(doc)
    // One page per chapter and the title and contents: the "#set page" did nothing.
    expect(pdf.pages).toBe(sampleDocument.sections.length + 2)
    const text = pdfText(pdf.bytes).replace(/\s+/g, ' ')
    for (const line of hostile) expect(text).toContain(line.replace(/\s+/g, ' '))
  })

  it('writes tagged PDF/A-2a with the document title, numbered headings and "page (pages)"', () => {
    const pdf = renderPdf(sampleDocument)
    const bytes = Buffer.from(pdf.bytes).toString('latin1')
    expect(bytes).toContain('<pdfaid:part>2</pdfaid:part>')
    expect(bytes).toContain('<pdfaid:conformance>A</pdfaid:conformance>')
    expect(bytes).toContain('/StructTreeRoot')
    expect(bytes).toMatch(/\/Lang \((sv|sv-SE)\)/)
    const text = pdfText(pdf.bytes)
    expect(text).toContain('Verksamhetsberättelse 2024')
    expect(text).toContain('2.1 Öka takten i samhällsbyggnadsprocessen')
    expect(text).toMatch(/Kommunstyrelsen · Verksamhetsberättelse 2024\s+3 \(5\)/)
    expect(text).toContain('Beslutad: KS 2025-02-24 § 31')
  })

  it('renders the same document to the same bytes, charts included', () => {
    const a = renderPdf(sampleDocument)
    const b = renderPdf(sampleDocument)
    expect(Buffer.compare(Buffer.from(a.bytes), Buffer.from(b.bytes))).toBe(0)
    expect(renderCharts(sampleDocument).get('operating-chart')).toBe(
      renderCharts(sampleDocument).get('operating-chart'),
    )
    expect(stableClassNames('<a class="zr7-cls-3"/><b class="zr7-cls-1"/><c class="zr7-cls-3"/>', 'x')).toBe(
      '<a class="x-c0"/><b class="x-c1"/><c class="x-c0"/>',
    )
  })

  it('reports a chart that cannot be drawn, in Swedish, and writes nothing', () => {
    const doc: ReportDocument = structuredClone(sampleDocument)
    const economy = doc.sections[2]
    const chart = economy?.blocks.find((b) => b.kind === 'chart')
    if (chart?.kind !== 'chart') throw new Error('no chart')
    chart.option = { series: [{ type: 'no-such-chart', data: [1] }] }
    expect(() => renderCharts(doc)).toThrow(ReportRenderError)
    expect(() => renderPdf(doc)).toThrow(/Diagrammet "Budget och utfall per enhet 2024" kunde inte ritas/)
  })

  it('refuses a template that names a section that does not exist, saying where', () => {
    expect(() =>
      checkTemplate({
        sections: [
          { id: 'narrative:foreword' },
          { id: 'chapter', title: 'Ekonomi', sections: [{ id: 'kassaflode' }] },
        ],
      }),
    ).toThrow(TemplateError)
    try {
      checkTemplate({
        sections: [
          { id: 'chapter', sections: [] },
          { id: 'goals', sections: [{ id: 'summary' }] },
        ],
      })
    } catch (error) {
      expect((error as TemplateError).problems).toEqual([
        { path: 'sections[0]', message: 'Ett kapitel behöver en rubrik.' },
        { path: 'sections[0]', message: 'Ett kapitel behöver minst ett avsnitt.' },
        { path: 'sections[1]', message: 'Bara ett kapitel kan ha avsnitt under sig.' },
      ])
    }
  })
})
