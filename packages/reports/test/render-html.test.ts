/**
 * The HTML renderer on the sample document. No DOM parser is installed, so the output is read with
 * small regex helpers; axe runs on this output in the browser journeys (e2e), not here.
 */
import { describe, expect, it } from 'vitest'
import type { Finding, ReportDocument, Section } from '../src/model.ts'
import { escapeHtml, renderHtml } from '../src/render/html.ts'
import { sampleDocument } from './fixtures/sample-document.ts'

const html = renderHtml(sampleDocument)

/** The text of a piece of markup, tags removed and the entities the renderer writes decoded. */
function textOf(markup: string): string {
  return markup
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()
}

/** The first element `<tag …>…</tag>` whose opening tag contains `marker` (no nesting of the same tag). */
function element(markup: string, tag: string, marker = ''): string {
  const pattern = new RegExp(`<${tag}\\b[^>]*${escapeRegExp(marker)}[^>]*>[\\s\\S]*?</${tag}>`)
  const match = pattern.exec(markup)
  if (!match) throw new Error(`no <${tag}> with ${marker}`)
  return match[0]
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function attributeValues(markup: string, name: string): string[] {
  return [...markup.matchAll(new RegExp(`\\s${name}="([^"]*)"`, 'g'))].map((match) => match[1] ?? '')
}

function headings(markup: string): { level: number; id: string; text: string }[] {
  return [...markup.matchAll(/<h([1-6])\b([^>]*)>([\s\S]*?)<\/h\1>/g)].map((match) => ({
    level: Number(match[1]),
    id: /id="([^"]*)"/.exec(match[2] ?? '')?.[1] ?? '',
    text: textOf(match[3] ?? ''),
  }))
}

/** A copy of the sample document with some fields replaced. */
function withChanges(changes: Partial<ReportDocument>): ReportDocument {
  return { ...structuredClone(sampleDocument), ...changes }
}

function section(id: string, title: string, blocks: Section['blocks'] = []): Section {
  return { id, title, blocks, sections: [] }
}

describe('renderHtml: the page', () => {
  it('is a standalone Swedish HTML5 document without scripts', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="sv">')).toBe(true)
    expect(html).toContain('<meta charset="utf-8">')
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">')
    expect(textOf(element(html, 'title'))).toBe('Verksamhetsberättelse 2024 – Kommunstyrelsen, Luleå kommun')
    expect(html).toMatch(/<style>[\s\S]*\.table-scroll \{ overflow-x: auto;[\s\S]*@media print/)
    expect(html).not.toMatch(/<script/i)
    expect(html.trimEnd().endsWith('</html>')).toBe(true)
  })

  it('has a header with title, board, municipality, decision and basis', () => {
    const header = element(html, 'header')
    expect(textOf(element(header, 'h1'))).toBe('Verksamhetsberättelse 2024')
    expect(textOf(header)).toContain('Kommunstyrelsen, Luleå kommun')
    expect(textOf(header)).toContain('Beslut: KS 2025-02-24 § 31')
    expect(textOf(header)).toContain(`Underlag: beslutad version (SHA-256 ${'a'.repeat(12)})`)
    expect(textOf(header)).not.toContain('a'.repeat(13))
    expect(headings(html).filter((heading) => heading.level === 1)).toHaveLength(1)
  })

  it('leaves out the decision before there is one, and names a live basis', () => {
    const live = renderHtml(
      withChanges({
        basis: { kind: 'live' },
        followUp: { key: 'ks-2024-vb', status: 'draft', decisionRef: null, decidedOn: null },
      }),
    )
    const header = textOf(element(live, 'header'))
    expect(header).toContain('Underlag: aktuella uppgifter')
    expect(header).not.toContain('Beslut')
  })

  it('gives every element a unique id and points every reference at one', () => {
    const ids = attributeValues(html, 'id')
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(/^[A-Za-z][A-Za-z0-9_.-]*$/)
    for (const ref of attributeValues(html, 'aria-labelledby')) expect(ids).toContain(ref)
    for (const href of attributeValues(html, 'href')) expect(ids).toContain(href.replace(/^#/, ''))
  })
})

describe('renderHtml: contents and sections', () => {
  it('links the table of contents to the section anchors, numbered like the PDF', () => {
    const nav = element(html, 'nav')
    expect(nav).toMatch(/^<nav [^>]*aria-labelledby="toc-heading"/)
    expect(nav).toContain('<h2 id="toc-heading">Innehåll</h2>')
    expect(attributeValues(nav, 'href')).toEqual([
      '#s-foreword',
      '#s-goals',
      '#s-goal-ksf24-samhallsbyggnad',
      '#s-economy',
      '#sources',
    ])
    expect(textOf(element(nav, 'a', 'href="#s-goal-ksf24-samhallsbyggnad"'))).toBe(
      '2.1 Öka takten i samhällsbyggnadsprocessen',
    )
    const sectionIds = [...html.matchAll(/<section id="([^"]*)"/g)].map((match) => match[1])
    expect(sectionIds).toEqual([
      's-foreword',
      's-goals',
      's-goal-ksf24-samhallsbyggnad',
      's-economy',
      'sources',
    ])
  })

  it('numbers the headings and sets their level by depth', () => {
    const sectionHeadings = headings(element(html, 'main').replace(element(html, 'nav'), ''))
    expect(sectionHeadings.map(({ level, text }) => ({ level, text }))).toEqual([
      { level: 2, text: '1 Inledning' },
      { level: 2, text: '2 Måluppföljning' },
      { level: 3, text: '2.1 Öka takten i samhällsbyggnadsprocessen' },
      { level: 2, text: '3 Ekonomisk redovisning' },
      { level: 2, text: 'Källor till siffrorna' },
    ])
    expect(html).toContain(
      '<section id="s-goals" aria-labelledby="s-goals-heading">\n<h2 id="s-goals-heading">',
    )
  })

  it('goes deeper than h3 for nested sections and stops at h6', () => {
    let nested = section('d5', 'Femte')
    for (const depth of [4, 3, 2, 1])
      nested = { ...section(`d${depth}`, `Nivå ${depth}`), sections: [nested] }
    const deep = headings(renderHtml(withChanges({ sections: [section('d0', 'Noll'), nested] })))
    expect(
      deep.filter((heading) => heading.id.startsWith('s-d')).map(({ level, text }) => [level, text]),
    ).toEqual([
      [2, '1 Noll'],
      [2, '2 Nivå 1'],
      [3, '2.1 Nivå 2'],
      [4, '2.1.1 Nivå 3'],
      [5, '2.1.1.1 Nivå 4'],
      [6, '2.1.1.1.1 Femte'],
    ])
  })

  it('makes section ids valid and unique', () => {
    const doc = withChanges({ sections: [section('a b', 'Ett'), section('a-b', 'Två'), section('', 'Tre')] })
    const nav = element(renderHtml(doc), 'nav')
    expect(attributeValues(nav, 'href')).toEqual(['#s-a-b', '#s-a-b-2', '#s-x', '#sources'])
  })
})

describe('renderHtml: blocks', () => {
  it('splits paragraphs on blank lines and renders lists', () => {
    expect(html).toContain(
      '<p>Planberedskapen har ökat.</p>\n<p>Handläggningstiderna är fortfarande långa.</p>',
    )
    expect(html).toContain('<ul>\n<li>Ny planprocess införd</li>\n<li>Strategiska markinköp</li>\n</ul>')
  })

  it('marks a drafted paragraph and lists its citations', () => {
    const drafted = element(html, 'div', 'class="drafted"')
    expect(drafted).toContain('<p class="drafted-marker">Utkast från siffrorna</p>')
    expect(textOf(drafted)).toContain('Av 2 nämndmål bedöms 1 som helt uppfyllt')
    // The sample cites figures the document does not list: named, but not linked.
    expect(textOf(drafted)).toContain('goals.count: 2 (saknas bland källorna)')
    expect(drafted).not.toContain('href=')

    const doc = withChanges({
      sections: [
        section('s', 'Ekonomi', [
          {
            kind: 'paragraph',
            drafted: true,
            text: 'Utfallet blev 28,8 mkr.',
            cites: [{ figure: 'economy.total.outcome', value: '−28,8' }],
          },
        ]),
      ],
    })
    const linked = element(renderHtml(doc), 'div', 'class="drafted"')
    expect(linked).toContain(
      '<a href="#fig-economy.total.outcome">Driftredovisning, summa, utfall</a>: −28,8',
    )
  })

  it('explains the symbols with words, the symbol and swatch hidden', () => {
    const legend = element(html, 'div', 'class="legend"')
    expect(legend).toMatch(
      /<p class="legend-title" id="(legend)">Symboler för bedömning<\/p>\n<ul [^>]*aria-labelledby="legend"/,
    )
    expect(legend).toContain(
      '<span class="swatch" aria-hidden="true" style="background-color: #1e7b34"></span>' +
        '<span class="symbol" aria-hidden="true">●</span> <span class="level-label">Helt uppfyllt</span>',
    )
  })

  it('keeps a colour that is not plainly a colour out of the style attribute', () => {
    const doc = withChanges({
      sections: [
        section('s', 'Mål', [
          {
            kind: 'legend',
            title: 'Symboler',
            items: [{ symbol: '●', colour: 'red; background-image: url(x)', label: 'Uppfyllt' }],
          },
        ]),
      ],
    })
    const out = renderHtml(doc)
    expect(out).toContain('<span class="swatch" aria-hidden="true"></span>')
    expect(out).not.toContain('url(x)')
  })

  it('renders a note', () => {
    expect(html).toContain(
      '<p class="note">Beloppen är avrundade var för sig; summan räknas på exakta belopp.</p>',
    )
  })
})

describe('renderHtml: tables', () => {
  const operating = element(html, 'table', 'id="tbl-operating"')

  it('puts the table in a labelled, focusable scroll region with caption and unit', () => {
    expect(html).toContain(
      '<div class="table-scroll" role="region" tabindex="0" aria-labelledby="tbl-operating-caption">\n<table id="tbl-operating">',
    )
    expect(operating).toContain('<caption id="tbl-operating-caption">Driftredovisning 2024 (mkr)</caption>')
    expect(textOf(element(html, 'caption', 'tbl-goal-summary'))).toBe('Sammanställning måluppfyllelse')
  })

  it('has column headers and row headers with scope', () => {
    expect(element(operating, 'thead')).toBe(
      '<thead>\n<tr><th scope="col">Enhet</th><th scope="col" class="num">Budget</th>' +
        '<th scope="col" class="num">Utfall</th><th scope="col" class="num">Avvikelse</th></tr>\n</thead>',
    )
    expect(operating).toContain('<th scope="row">1011 KC Säkerhet &amp; beredskap</th>')
    expect(operating).toContain('<th scope="row">1110 KC Ekonomi</th>')
  })

  it('heads a group of rows with one spanning header, and puts the final total in tfoot', () => {
    expect(element(operating, 'tbody')).toMatch(
      /^<tbody>\n<tr class="group"><th scope="rowgroup" colspan="4">Kommunstyrelseförvaltningen<\/th><\/tr>/,
    )
    const foot = element(operating, 'tfoot')
    expect(foot).toContain('<tr class="total"><th scope="row">Summa</th>')
    expect(element(operating, 'tbody')).not.toContain('Summa')
  })

  it('prints each number as displayed, right-aligned', () => {
    expect(operating).toContain('<td class="num">−7,9</td>')
    expect(operating).toContain('<td class="num">1,2</td>')
    expect(operating).not.toMatch(/>-\d/)
  })

  it('links a figure in the Summa row to its source', () => {
    const foot = element(operating, 'tfoot')
    expect(foot).toContain(
      '<td class="num"><a href="#fig-economy.total.budget" class="figure-link">−28,2</a></td>',
    )
    expect(foot).toContain('<a href="#fig-economy.total.deviation" class="figure-link">−0,6</a>')
  })

  it('does not link a figure key the document does not list', () => {
    const doc = structuredClone(sampleDocument)
    doc.figures = {}
    const foot = element(renderHtml(doc), 'tfoot')
    expect(foot).toContain('<td class="num">−28,2</td>')
    expect(foot).not.toContain('figure-link')
  })

  it('shows levels as symbol and words, the symbol hidden', () => {
    const goals = element(html, 'table', 'id="tbl-goal-summary"')
    expect(goals).toContain('<th scope="row">Förbättrat företagsklimat</th>')
    expect(goals).toContain(
      '<span class="symbol" aria-hidden="true">◑</span> <span class="level-label">Delvis uppfyllt</span>',
    )
  })

  it('prints the notes below the table', () => {
    expect(html).toMatch(
      /<\/table>\n<\/div>\n<p class="table-note">Budget efter omfördelningar under året\.<\/p>/,
    )
  })

  it('marks subtotal rows with a class', () => {
    const doc = structuredClone(sampleDocument)
    const economy = doc.sections[2]?.blocks[0]
    if (economy?.kind !== 'table') throw new Error('expected the operating table')
    const total = economy.rows[3]
    if (total === undefined) throw new Error('expected the total row')
    economy.rows.splice(3, 0, { ...total, kind: 'subtotal' })
    const table = element(renderHtml(doc), 'table', 'id="tbl-operating"')
    expect(element(table, 'tbody')).toContain('<tr class="subtotal"><th scope="row">Summa</th>')
  })
})

describe('renderHtml: charts', () => {
  const svg =
    '<svg width="600" height="300" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 300"><rect/></svg>'

  it('inlines the SVG as an image with the alt text, and links the table', () => {
    const out = renderHtml(sampleDocument, { charts: new Map([['operating-chart', svg]]) })
    const figure = element(out, 'figure', 'id="chart-operating-chart"')
    expect(figure).toContain(
      '<div class="chart-image" role="img" aria-label="Stapeldiagram: KC Ekonomi har störst utfall, 22,1 mkr.">',
    )
    expect(figure).toContain(svg)
    expect(textOf(element(figure, 'figcaption'))).toBe(
      'Budget och utfall per enhet 2024 Siffrorna finns i tabellen Driftredovisning 2024.',
    )
    expect(figure).toContain('<a href="#tbl-operating">')
  })

  it('shows the alt text in the figure without an SVG', () => {
    const figure = element(html, 'figure', 'id="chart-operating-chart"')
    expect(figure).toContain(
      '<p class="chart-alt">Stapeldiagram: KC Ekonomi har störst utfall, 22,1 mkr.</p>',
    )
    expect(figure).not.toContain('<svg')
  })

  it('does not inline an SVG that could run script', () => {
    const unsafe = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'
    const out = renderHtml(sampleDocument, { charts: new Map([['operating-chart', unsafe]]) })
    expect(out).not.toContain('alert')
    expect(out).toContain('<p class="chart-alt">')
  })
})

describe('renderHtml: sources', () => {
  const sources = element(html, 'section', 'id="sources"')

  it('ends the document with every figure, its exact value and its source', () => {
    expect(html.indexOf('<section id="sources"')).toBeGreaterThan(html.indexOf('<section id="s-economy"'))
    expect(sources).toContain('<h2 id="sources-heading">Källor till siffrorna</h2>')
    const budget = element(sources, 'li', 'id="fig-economy.total.budget"')
    expect(textOf(budget)).toBe(
      'Driftredovisning, summa, budget Exakt värde: −2820000000 ' +
        'Källa: Budgetimport ks-2024-budget.csv (Import, 2025-01-20)',
    )
    expect(textOf(element(sources, 'li', 'id="fig-economy.total.outcome"'))).toContain(
      'Källa: SIE-import ks-2024.se (Import, 2025-01-31)',
    )
    expect(textOf(element(sources, 'li', 'id="fig-economy.total.deviation"'))).toContain(
      'Källa: Utfall − budget (kostnader negativa) (Beräknad)',
    )
  })

  it('names each kind of source in Swedish and dates it in Swedish time', () => {
    const doc = withChanges({
      figures: {
        a: { label: 'A', exact: '1', source: { kind: 'kolada', label: 'Kolada N00090', at: '2025-03-01' } },
        b: {
          label: 'B',
          exact: '2',
          source: { kind: 'entered', label: 'Cecilia', at: '2024-12-31T23:30:00Z' },
        },
        c: { label: 'C', exact: '3', source: { kind: 'seed', label: 'Demo' } },
        'd e/ö': { label: 'D', exact: '4', source: { kind: 'computed', label: 'Summa' } },
      },
    })
    const out = element(renderHtml(doc), 'section', 'id="sources"')
    expect(out).toContain('Källa: Kolada N00090 (Kolada, 2025-03-01)')
    expect(out).toContain('Källa: Cecilia (Inmatad, 2025-01-01)')
    expect(out).toContain('Källa: Demo (Demodata)')
    expect(out).toContain('<li id="fig-d-e-o" class="source">')
  })
})

describe('renderHtml: findings', () => {
  const findings: Finding[] = [
    { severity: 'note', where: 'Figur economy.total.budget', message: 'Avrundad för sig.' },
    { severity: 'warning', where: 'Avsnitt Måluppföljning', message: 'Ett mål saknar bedömning.' },
    {
      severity: 'error',
      where: 'Tabell Driftredovisning, rad Summa, kolumn Utfall',
      message: 'Summan stämmer inte.',
    },
    { severity: 'error', where: 'Figur x', message: 'Andra felet.' },
  ]

  it('lists findings before the content, errors first, severity in words', () => {
    const out = renderHtml(sampleDocument, { findings })
    const section = element(out, 'section', 'id="findings"')
    expect(section).toContain('<h2 id="findings-heading">Kontroll före utfärdande</h2>')
    expect(
      [...section.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)].map((match) => textOf(match[1] ?? '')),
    ).toEqual([
      'Fel: Tabell Driftredovisning, rad Summa, kolumn Utfall – Summan stämmer inte.',
      'Fel: Figur x – Andra felet.',
      'Varning: Avsnitt Måluppföljning – Ett mål saknar bedömning.',
      'Notering: Figur economy.total.budget – Avrundad för sig.',
    ])
    expect(out.indexOf('id="findings"')).toBeLessThan(out.indexOf('<nav'))
    expect(out.indexOf('id="findings"')).toBeLessThan(out.indexOf('id="s-foreword"'))
  })

  it('has no findings section without findings', () => {
    expect(html).not.toContain('Kontroll före utfärdande')
    expect(renderHtml(sampleDocument, { findings: [] })).not.toContain('id="findings"')
  })
})

describe('renderHtml: escaping', () => {
  const nasty = `A & B <script>alert("x")</script> 'q'`
  const doc: ReportDocument = {
    ...structuredClone(sampleDocument),
    title: nasty,
    board: nasty,
    municipality: nasty,
    followUp: { key: 'k', status: 'decided', decisionRef: nasty, decidedOn: null },
    figures: { [nasty]: { label: nasty, exact: nasty, source: { kind: 'import', label: nasty, at: nasty } } },
    sections: [
      {
        id: nasty,
        title: nasty,
        blocks: [
          {
            kind: 'paragraph',
            text: `${nasty}\n\n${nasty}`,
            drafted: true,
            cites: [{ figure: nasty, value: nasty }],
          },
          { kind: 'list', items: [nasty] },
          { kind: 'legend', title: nasty, items: [{ symbol: nasty, colour: nasty, label: nasty }] },
          {
            kind: 'table',
            id: nasty,
            caption: nasty,
            unit: nasty,
            columns: [{ key: nasty, label: nasty, align: 'left' }],
            rows: [
              { kind: 'data', cells: [{ kind: 'text', text: nasty }] },
              {
                kind: 'data',
                cells: [{ kind: 'number', value: 1, display: nasty, decimals: 0, figure: nasty }],
              },
              { kind: 'data', cells: [{ kind: 'level', label: nasty, symbol: nasty, colour: nasty }] },
            ],
            notes: [nasty],
          },
          {
            kind: 'chart',
            id: nasty,
            caption: nasty,
            alt: nasty,
            option: {},
            width: 1,
            height: 1,
            table: nasty,
          },
          { kind: 'note', text: nasty },
        ],
        sections: [],
      },
    ],
    notes: [],
  }
  const out = renderHtml(doc, { findings: [{ severity: 'error', where: nasty, message: nasty }] })

  it('escapes every text and leaves no script tag', () => {
    expect(out).not.toMatch(/<script/i)
    expect(out).not.toContain('"x"')
    expect(out).not.toContain("'q'")
    expect(out).toContain('A &amp; B &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &#39;q&#39;')
    expect(textOf(element(out, 'title'))).toBe(`${nasty} – ${nasty}, ${nasty}`)
    expect(out).toContain(
      `<caption id="tbl-A-B-script-alert-x-script-q-caption">${escapeHtml(nasty)} (${escapeHtml(nasty)})</caption>`,
    )
  })

  it('still makes valid ids and matching links out of such keys', () => {
    const ids = attributeValues(out, 'id')
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(/^[A-Za-z][A-Za-z0-9_.-]*$/)
    for (const href of attributeValues(out, 'href')) expect(ids).toContain(href.replace(/^#/, ''))
    expect(out).toContain('<a href="#fig-A-B-script-alert-x-script-q" class="figure-link">')
  })

  it('escapes all five special characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;',
    )
  })
})
