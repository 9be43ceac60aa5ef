// From data to PDF: Luleå KS's annual report 2024 from the demo data (load the decided
// follow-up's snapshot, build the document, verify it, draw the charts, set it with Typst), on the
// embedded database or on PostgreSQL when DATABASE_URL is set. Reported next to the baseline of
// the same run: Typst compiling the same generated source, the least a PDF costs. Also the other
// formats. Aim: under 1 s end to end on a 2-core machine. Typst memoises compiled content, so a
// warm compiler renders an unchanged document fast; a fresh compiler per run shows the cold cost.
// DOCX spends most of its time estimating page numbers for the table of contents (docx/layout). Run: node --import tsx bench/report.bench.ts
// (BENCH_RUNS changes the number of runs; the first run, which warms the compiler, is shown apart).
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler'
import { createTestDatabase, seedDemo } from '../packages/db/src/index.ts'
import { buildDocument } from '../packages/reports/src/build/document.ts'
import { loadReportData } from '../packages/reports/src/data.ts'
import { generateReport } from '../packages/reports/src/generate.ts'
import { renderCharts } from '../packages/reports/src/render/charts.ts'
import { reportFonts } from '../packages/reports/src/render/fonts.ts'
import { renderPdf } from '../packages/reports/src/render/pdf.ts'
import { validateDocument } from '../packages/reports/src/validate.ts'

const runs = Number(process.env.BENCH_RUNS ?? 10)
const engine = process.env.DATABASE_URL ? 'postgres' : 'pglite'
const target = { municipality: '2580', board: 'ks', followUp: 'ks-2024-vb' }

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}
const ms = (n: number) => `${n.toFixed(1).padStart(7)} ms`

const t = await createTestDatabase(engine)
try {
  await seedDemo(t.db)
  const steps = {
    load: [] as number[],
    build: [] as number[],
    validate: [] as number[],
    charts: [] as number[],
  }
  const pdfTotal: number[] = []
  const typstInPipeline: number[] = []
  let pages = 0
  let source = ''
  let firstRun = 0
  let lastCharts = new Map<string, string>()
  for (let i = 0; i <= runs; i++) {
    const started = performance.now()
    let t0 = performance.now()
    const data = await loadReportData(t.db, target.municipality, target.board, target.followUp)
    const load = performance.now() - t0
    t0 = performance.now()
    const doc = buildDocument(data)
    const build = performance.now() - t0
    t0 = performance.now()
    validateDocument(doc)
    const validate = performance.now() - t0
    t0 = performance.now()
    const charts = renderCharts(doc)
    const chartMs = performance.now() - t0
    const pdf = renderPdf(doc, { charts })
    const total = performance.now() - started
    if (i === 0) {
      firstRun = total
      continue
    }
    steps.load.push(load)
    steps.build.push(build)
    steps.validate.push(validate)
    steps.charts.push(chartMs)
    typstInPipeline.push(pdf.typstMs)
    pdfTotal.push(total)
    pages = pdf.pages
    source = pdf.source
    lastCharts = charts
  }

  // Baseline: a compiler of its own compiling the same source, with the same chart files.
  const baseline = NodeCompiler.create({
    workspace: '/arshjul-bench',
    fontArgs: [{ fontBlobs: reportFonts() }],
  })
  for (const [id, svg] of lastCharts) {
    baseline.mapShadow(
      `/arshjul-bench/charts/${id.replace(/[^A-Za-z0-9_-]/g, '-')}.svg`,
      Buffer.from(svg, 'utf8'),
    )
  }
  const plain = source
  const typstOnly: number[] = []
  for (let i = 0; i <= runs; i++) {
    const t0 = performance.now()
    const compiled = baseline.compile({ mainFileContent: plain })
    if (!compiled.result) throw new Error('the baseline source did not compile')
    baseline.pdf(compiled.result, { pdfStandard: 'a-2a' })
    if (i > 0) typstOnly.push(performance.now() - t0)
  }

  // Typst memoises what it has compiled: a compiler of its own for every run shows the cold cost.
  const cold: number[] = []
  for (let i = 0; i < Math.min(runs, 5); i++) {
    const t0 = performance.now()
    const fresh = NodeCompiler.create({
      workspace: '/arshjul-bench',
      fontArgs: [{ fontBlobs: reportFonts() }],
    })
    for (const [id, svg] of lastCharts) {
      fresh.mapShadow(
        `/arshjul-bench/charts/${id.replace(/[^A-Za-z0-9_-]/g, '-')}.svg`,
        Buffer.from(svg, 'utf8'),
      )
    }
    const compiled = fresh.compile({ mainFileContent: plain })
    if (!compiled.result) throw new Error('the baseline source did not compile')
    fresh.pdf(compiled.result, { pdfStandard: 'a-2a' })
    cold.push(performance.now() - t0)
  }

  const formats: Record<string, number[]> = { docx: [], xlsx: [], html: [] }
  for (const format of ['docx', 'xlsx', 'html'] as const) {
    for (let i = 0; i <= Math.min(runs, 5); i++) {
      const t0 = performance.now()
      await generateReport(t.db, target, format, { allowErrors: true })
      if (i > 0) formats[format]?.push(performance.now() - t0)
    }
  }

  console.log(`Luleå KS verksamhetsberättelse 2024, ${pages} sidor, ${engine}, median av ${runs} körningar`)
  console.log(`  första körningen (kall kompilator)  ${ms(firstRun)}`)
  console.log(`  data → PDF, hela vägen              ${ms(median(pdfTotal))}`)
  console.log(`    läsa underlaget (ögonblicksbild)   ${ms(median(steps.load))}`)
  console.log(`    bygga dokumentet                  ${ms(median(steps.build))}`)
  console.log(`    kontrollera identiteterna         ${ms(median(steps.validate))}`)
  console.log(`    rita diagrammen (SVG)             ${ms(median(steps.charts))}`)
  console.log(`    Typst i kedjan (sättning + PDF)   ${ms(median(typstInPipeline))}`)
  console.log(`  baslinje: Typst på samma källkod    ${ms(median(typstOnly))}`)
  console.log(`  baslinje, ny kompilator varje gång  ${ms(median(cold))}`)
  for (const [format, values] of Object.entries(formats)) {
    console.log(`  data → ${format.toUpperCase().padEnd(4)} hela vägen             ${ms(median(values))}`)
  }
} finally {
  await t.dispose()
}
