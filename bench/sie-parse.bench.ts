// SIE 4 parse + aggregate of a generated file with 1,000,000 #TRANS rows (vouchers of four rows,
// twelve cost centres, twelve months), next to a raw baseline over the same bytes in the same run:
// decode the bytes and split them into lines, which is the least any reader must do. Both are
// reported as #TRANS rows per second. Run: node --import tsx bench/sie-parse.bench.ts
// (BENCH_ROWS changes the size).
import { aggregate, decodeSie, encodeCp437, parseSie } from '../packages/importers/src/index.ts'

const rows = Number(process.env.BENCH_ROWS ?? 1_000_000)
const centres = Array.from({ length: 12 }, (_, i) => `K${String(i + 1).padStart(3, '0')}`)

/** A deterministic ledger: each voucher books rent and supplies against income and the bank. */
function generate(transRows: number): { bytes: Uint8Array; expectedRent: bigint } {
  const head = [
    '#FLAGGA 0',
    '#FORMAT PC8',
    '#SIETYP 4',
    '#PROGRAM "Årshjul bench" 1.0',
    '#GEN 20250115',
    '#FNAMN "Benchmarkkommunen"',
    '#RAR 0 20240101 20241231',
    '#KONTO 1930 "Bank"',
    '#KONTO 3010 "Försäljning"',
    '#KONTO 5010 "Lokalhyra"',
    '#KONTO 6110 "Kontorsmaterial"',
    '#DIM 1 "Kostnadsställe"',
    ...centres.map((c) => `#OBJEKT 1 ${c} "Enhet ${c}"`),
  ]
  const body: string[] = []
  let seed = 1
  let expectedRent = 0n
  for (let v = 0; v < transRows / 4; v++) {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
    const rent = 100_000 + (seed % 900_000)
    const supplies = 100 + (seed % 9_900)
    const income = -(50_000 + (seed % 450_000))
    const ore = (x: number) =>
      `${x < 0 ? '-' : ''}${Math.floor(Math.abs(x) / 100)}.${String(Math.abs(x) % 100).padStart(2, '0')}`
    const month = String((v % 12) + 1).padStart(2, '0')
    const day = String((v % 28) + 1).padStart(2, '0')
    const centre = centres[v % centres.length]
    expectedRent += BigInt(rent)
    body.push(
      `#VER A ${v + 1} 2024${month}${day} "Verifikation ${v + 1}"`,
      '{',
      `   #TRANS 5010 {1 "${centre}"} ${ore(rent)}`,
      `   #TRANS 6110 {1 "${centre}"} ${ore(supplies)}`,
      `   #TRANS 3010 {1 "${centre}"} ${ore(income)}`,
      `   #TRANS 1930 {} ${ore(-(rent + supplies + income))}`,
      '}',
    )
  }
  const headBytes = encodeCp437(`${head.join('\r\n')}\r\n`)
  const bodyBytes = new TextEncoder().encode(`${body.join('\r\n')}\r\n`) // ASCII only
  const bytes = new Uint8Array(headBytes.length + bodyBytes.length)
  bytes.set(headBytes)
  bytes.set(bodyBytes, headBytes.length)
  return { bytes, expectedRent }
}

function time<T>(work: () => T): [T, number] {
  const started = performance.now()
  const result = work()
  return [result, (performance.now() - started) / 1000]
}

function baseline(bytes: Uint8Array): number {
  const decoded = decodeSie(bytes)
  if (!decoded.ok) throw new Error('baseline could not decode the file')
  return decoded.text.split('\n').length
}

function parseAndAggregate(bytes: Uint8Array) {
  const result = parseSie(bytes, { year: 2024 })
  if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 3)))
  return aggregate(result.file, { year: 2024 })
}

// Warm up both paths on a small file first, so the figures are of compiled code.
const small = generate(20_000).bytes
for (let i = 0; i < 3; i++) {
  baseline(small)
  parseAndAggregate(small)
}

const [{ bytes, expectedRent }, generating] = time(() => generate(rows))
const megabytes = bytes.length / 1_000_000
console.log(
  `SIE bench: ${rows.toLocaleString('sv-SE')} #TRANS rows, ${megabytes.toFixed(1)} MB (generated in ${generating.toFixed(2)} s)`,
)

const [lines, raw] = time(() => baseline(bytes))
const [result, parsing] = time(() => parseAndAggregate(bytes))
const rent = result.rows.filter((r) => r.account === '5010').reduce((sum, r) => sum + r.outcomeOre, 0n)
if (rent !== expectedRent) throw new Error(`aggregate gave ${rent} öre of rent, expected ${expectedRent}`)

const perSecond = (seconds: number) => Math.round(rows / seconds).toLocaleString('sv-SE')
console.log(
  `raw baseline (decode + split ${lines.toLocaleString('sv-SE')} lines): ${raw.toFixed(2)} s, ` +
    `${perSecond(raw)} rows/s, ${(megabytes / raw).toFixed(0)} MB/s`,
)
console.log(
  `parseSie + aggregate (${result.rows.length} result rows): ${parsing.toFixed(2)} s, ` +
    `${perSecond(parsing)} rows/s, ${(megabytes / parsing).toFixed(0)} MB/s, ` +
    `${(parsing / raw).toFixed(1)}× the baseline; heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`,
)
