// The demo economy data (packages/db/seeds/demo/*/…-ekonomi.json, …-budget.json) is taken from printed
// reports. Its amounts are exact kronor chosen so that they print as the source printed them; this test
// proves that, and pins the places where the source does not add up. It reads the files, so it is the one
// place in the domain package that does I/O; the code under test stays pure.
// biome-ignore lint/style/noRestrictedImports: a test reading the seed files it checks; src/ stays free of I/O
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  deviation,
  fromLedgerSign,
  type Ore,
  type PrintedAs,
  roundToUnit,
  type SeedAmount,
  type SeedEconomyDataset,
  type SeedEconomyLine,
  SeedFile,
  type SeedInvestment,
  sumOre,
} from '../src/index.ts'

const SEEDS = new URL('../../db/seeds/demo/', import.meta.url)

function load(path: string): SeedFile {
  return SeedFile.parse(JSON.parse(readFileSync(new URL(path, SEEDS), 'utf8')))
}

const files = {
  luleaKs2024: load('2580-lulea/ks-2024-ekonomi.json'),
  luleaKsf2025: load('2580-lulea/ksf-2025-budget.json'),
  luleaKommunstaben2023: load('2580-lulea/kommunstaben-2023-ekonomi.json'),
  linkopingKs2024: load('0580-linkoping/ks-2024-ekonomi.json'),
}
const all = Object.entries(files)

function economy(file: SeedFile) {
  if (!file.economy) throw new Error('the file has no economy part')
  return file.economy
}
function dataset(file: SeedFile, key: string): SeedEconomyDataset {
  const found = economy(file).datasets.find((d) => d.key === key)
  if (!found) throw new Error(`no dataset ${key}`)
  return found
}

// ---------------------------------------------------------------------------------------------
// How a source printed an amount
// ---------------------------------------------------------------------------------------------

const ore = (kr: number): Ore => kr * 100

/**
 * The figure an exact amount prints as: converted from the ledger sign to the source's sign, then
 * rounded half away from zero to the source's unit and decimals.
 *
 * The allocation (kommunbidrag) is stored positive when received, like costs; every source prints it
 * with the sign it prints costs with (Luleå 2024, costs negative: "Kommunbidrag −281,8"; the tkr sources,
 * costs positive: "287 901"). So the same conversion applies to it, unchanged.
 */
function shown(kr: number, as: PrintedAs): number {
  return roundToUnit(fromLedgerSign(ore(kr), as.sign), as.unit, as.decimals)
}

const isAllocation = (line: SeedEconomyLine) => line.accountGroup === 'kommunbidrag'

/** Sum of one measure of one year over lines (all months of a monthly measure). */
function total(
  lines: readonly SeedEconomyLine[],
  measure: SeedAmount['measure'],
  year: number,
  dsYear: number,
): Ore {
  return sumOre(
    lines.flatMap((l) =>
      l.amounts.filter((a) => a.measure === measure && (a.year ?? dsYear) === year).map((a) => ore(a.kr)),
    ),
  )
}
/** The budget a deviation is measured against: the revised budget of the year if there is one. */
function budgetOf(line: SeedEconomyLine, year: number, dsYear: number): Ore {
  const revised = line.amounts.some((a) => a.measure === 'revised-budget' && (a.year ?? dsYear) === year)
  return total([line], revised ? 'revised-budget' : 'budget', year, dsYear)
}

/**
 * A deviation as the source prints it (positive is favourable), from ledger-sign öre. For costs less
 * than budget is favourable, which `deviation` handles for both sign conventions. For the allocation
 * more than budget is favourable, so its deviation is the opposite. (Every printed allocation deviation
 * in the sources is 0, so this rule is documented rather than exercised.)
 */
function shownDeviation(budget: Ore, outcome: Ore, as: PrintedAs, allocation = false): number {
  const dev = deviation(fromLedgerSign(budget, as.sign), fromLedgerSign(outcome, as.sign), as.sign)
  return roundToUnit(allocation ? -dev : dev, as.unit, as.decimals)
}

function breakdown(ds: SeedEconomyDataset, over: 'cost-centres' | 'activity-codes' | 'account-groups') {
  return ds.lines.filter((l) =>
    over === 'cost-centres'
      ? l.costCentre !== undefined
      : over === 'activity-codes'
        ? l.costCentre === undefined && l.activityCode !== undefined
        : l.costCentre === undefined && l.activityCode === undefined && l.accountGroup !== undefined,
  )
}

function netCost(ds: SeedEconomyDataset, measure: SeedAmount['measure'], year = ds.year): Ore {
  return total(breakdown(ds, 'cost-centres'), measure, year, ds.year)
}

// ---------------------------------------------------------------------------------------------
// Generic checks, for every file
// ---------------------------------------------------------------------------------------------

describe.each(all)('%s: printed figures', (_name, file) => {
  const eco = economy(file)

  it('every printed amount of the operating lines is reproduced by its exact amount', () => {
    for (const ds of eco.datasets) {
      for (const line of ds.lines) {
        for (const a of line.amounts) {
          if (a.printed === undefined) continue
          expect(
            shown(a.kr, ds.printedAs),
            `${ds.key} ${JSON.stringify(line.costCentre ?? line.activityCode ?? line.accountGroup ?? '(board)')} ${a.measure} ${a.year ?? ds.year}`,
          ).toBe(a.printed)
        }
      }
    }
  })

  it("every line's printed deviation is reproduced (budget or revised budget against outcome, same year)", () => {
    for (const ds of eco.datasets) {
      for (const line of ds.lines) {
        if (line.printedDeviation === undefined) continue
        const dev = shownDeviation(
          budgetOf(line, ds.year, ds.year),
          total([line], 'outcome', ds.year, ds.year),
          ds.printedAs,
          isAllocation(line),
        )
        expect(dev, `${ds.key} ${line.costCentre ?? line.activityCode ?? line.accountGroup}`).toBe(
          line.printedDeviation,
        )
      }
    }
  })

  it('every printed total equals the computed total exactly when it is marked as matching', () => {
    for (const ds of eco.datasets) {
      for (const t of ds.printedTotals) {
        const year = t.year ?? ds.year
        const lines = breakdown(ds, t.over)
        expect(lines.length, `${ds.key}: ${t.label} sums no lines`).toBeGreaterThan(0)
        const computed =
          t.measure === 'deviation'
            ? shownDeviation(
                sumOre(lines.map((l) => budgetOf(l, year, ds.year))),
                total(lines, 'outcome', year, ds.year),
                ds.printedAs,
              )
            : roundToUnit(
                fromLedgerSign(total(lines, t.measure, year, ds.year), ds.printedAs.sign),
                ds.printedAs.unit,
                ds.printedAs.decimals,
              )
        expect(
          computed === t.printed,
          `${ds.key}: ${t.label} ${t.measure} ${year}: computed ${computed}, printed ${t.printed}`,
        ).toBe(t.matches)
      }
    }
  })

  it('investments reproduce their printed amounts, decided total and accumulated outcome', () => {
    for (const inv of eco.investments) {
      for (const a of inv.amounts) {
        if (a.printed !== undefined)
          expect(shown(a.kr, inv.printedAs), `${inv.key} ${a.measure} ${a.year}`).toBe(a.printed)
      }
      if (inv.printedDecidedTotal !== undefined) {
        expect(inv.decidedTotalKr, inv.key).toBeDefined()
        expect(shown(inv.decidedTotalKr ?? 0, inv.printedAs), inv.key).toBe(inv.printedDecidedTotal)
      }
      if (inv.printedAccumulated !== undefined) {
        const accumulated = sumOre(inv.amounts.filter((a) => a.measure === 'outcome').map((a) => ore(a.kr)))
        const printed = roundToUnit(
          fromLedgerSign(accumulated, inv.printedAs.sign),
          inv.printedAs.unit,
          inv.printedAs.decimals,
        )
        expect(printed, inv.key).toBe(inv.printedAccumulated)
      }
    }
  })

  it('frame-list items reproduce their printed amounts', () => {
    for (const list of eco.frameLists) {
      for (const item of list.items) {
        if (item.printed !== undefined)
          expect(shown(item.kr, list.printedAs), `${list.key}: ${item.label}`).toBe(item.printed)
      }
    }
  })

  it('monthly measures have a month, annual ones none, and forecasts name their follow-up', () => {
    for (const ds of eco.datasets) {
      for (const a of ds.lines.flatMap((l) => l.amounts)) {
        const monthly = a.measure === 'outcome' || a.measure === 'period-budget'
        expect(a.month !== undefined, `${ds.key} ${a.measure}`).toBe(monthly)
        expect(a.followUp !== undefined, `${ds.key} ${a.measure}`).toBe(a.measure === 'forecast')
      }
    }
    for (const inv of eco.investments) {
      for (const a of inv.amounts) {
        expect(a.month, inv.key).toBeUndefined()
        expect(a.followUp !== undefined, `${inv.key} ${a.measure}`).toBe(a.measure === 'forecast')
      }
    }
  })
})

// ---------------------------------------------------------------------------------------------
// References and keys across each municipality's files
// ---------------------------------------------------------------------------------------------

describe.each([
  ['2580-lulea', [files.luleaKs2024, files.luleaKsf2025, files.luleaKommunstaben2023]],
  ['0580-linkoping', [files.linkopingKs2024]],
] as const)('%s: keys and references', (folder, mine) => {
  const set = readdirSync(new URL(`${folder}/`, SEEDS))
    .filter((n) => n.endsWith('.json'))
    .map((n) => load(`${folder}/${n}`))
  const orgUnits = new Set(set.flatMap((f) => f.orgUnits.map((u) => u.key)))
  const followUps = new Set(set.flatMap((f) => f.followUps.map((u) => u.key)))
  const boards = new Set(set.flatMap((f) => f.boards.map((b) => b.key)))
  const administrations = new Set(set.flatMap((f) => f.administrations.map((a) => a.key)))
  const eco = set.flatMap((f) => (f.economy ? [f.economy] : []))
  const centres = new Set(eco.flatMap((e) => e.costCentres.map((c) => c.code)))
  const ownCodes = new Set(eco.flatMap((e) => e.activityCodes.map((c) => c.code)))

  it('keys are unique within the municipality', () => {
    const unique = (values: string[]) => expect(new Set(values).size, values.join(', ')).toBe(values.length)
    unique(set.flatMap((f) => f.orgUnits.map((u) => u.key)))
    unique(eco.flatMap((e) => e.costCentres.map((c) => c.code)))
    unique(eco.flatMap((e) => e.datasets.map((d) => d.key)))
    unique(eco.flatMap((e) => e.investments.map((i) => i.key)))
    unique(eco.flatMap((e) => e.frameLists.map((l) => l.key)))
    unique(
      eco.flatMap((e) =>
        e.comments.map(
          (c) =>
            `${c.followUp}/${c.subject.kind}/${'code' in c.subject ? c.subject.code : 'key' in c.subject ? c.subject.key : ''}`,
        ),
      ),
    )
  })

  it('every reference of the economy files resolves', () => {
    for (const file of mine) {
      const e = economy(file)
      for (const u of file.orgUnits) expect(administrations.has(u.administration), u.key).toBe(true)
      for (const c of e.costCentres) if (c.orgUnit) expect(orgUnits.has(c.orgUnit), c.code).toBe(true)
      for (const ds of e.datasets) {
        expect(boards.has(ds.board), ds.key).toBe(true)
        for (const l of ds.lines) {
          if (l.costCentre) expect(centres.has(l.costCentre), l.costCentre).toBe(true)
          if (l.activityCode && Number(l.activityCode) > 900)
            expect(ownCodes.has(l.activityCode), l.activityCode).toBe(true)
          for (const a of l.amounts) if (a.followUp) expect(followUps.has(a.followUp), a.followUp).toBe(true)
        }
      }
      for (const inv of e.investments) {
        expect(boards.has(inv.board), inv.key).toBe(true)
        if (inv.costCentre) expect(centres.has(inv.costCentre), inv.key).toBe(true)
        for (const a of inv.amounts) if (a.followUp) expect(followUps.has(a.followUp), a.followUp).toBe(true)
      }
      for (const list of e.frameLists) {
        for (const item of list.items)
          if (item.costCentre) expect(centres.has(item.costCentre), item.label).toBe(true)
      }
      for (const c of e.comments) {
        expect(followUps.has(c.followUp), c.followUp).toBe(true)
        if (c.subject.kind === 'cost-centre') expect(centres.has(c.subject.code), c.subject.code).toBe(true)
      }
    }
  })
})

// ---------------------------------------------------------------------------------------------
// Investment deviations and totals (SeedInvestment has no field for them; the figures are the source's)
// ---------------------------------------------------------------------------------------------

/** Printed deviation of the year's budget against the year's outcome, and of the decided budget against the accumulated outcome. */
const investmentDeviations: Record<string, { year: number; printed: number; decided?: number }> = {
  'ks-2024-inv-exkl-exploatering': { year: 2024, printed: 7.9 },
  'ks-2024-inv-exploatering-mark': { year: 2024, printed: 292.5 },
  'kommunstaben-2023-investeringar': { year: 2023, printed: -453 },
  'ks-2024-inv-klf': { year: 2024, printed: 1.1, decided: 1.1 },
  'ks-2024-inv-vss': { year: 2024, printed: -1.6, decided: -1.6 },
  'ks-simhallen': { year: 2024, printed: 52.1, decided: 52.1 },
  'ks-strategiska-markkop': { year: 2024, printed: 3.2, decided: 3.2 },
  'ks-egna-lokaler': { year: 2024, printed: 4.0, decided: 4.0 },
  'ks-aktier-sodra-skogsagarna': { year: 2024, printed: -0.3, decided: -0.3 },
  'ks-civil-beredskap': { year: 2024, printed: 98.3, decided: 98.3 },
}

const investmentAmount = (inv: SeedInvestment, measure: SeedAmount['measure'], year: number): Ore =>
  sumOre(inv.amounts.filter((a) => a.measure === measure && a.year === year).map((a) => ore(a.kr)))
const accumulated = (inv: SeedInvestment): Ore =>
  sumOre(inv.amounts.filter((a) => a.measure === 'outcome').map((a) => ore(a.kr)))

function investments(file: SeedFile, keys?: readonly string[]): SeedInvestment[] {
  const list = economy(file).investments
  return keys
    ? keys.map((k) => list.find((i) => i.key === k) ?? expect.unreachable(`no investment ${k}`))
    : list
}

describe('investment deviations and totals', () => {
  const everyInvestment = all.flatMap(([, f]) => investments(f))

  it.each(Object.entries(investmentDeviations))('%s reproduces its printed deviations', (key, expected) => {
    const inv = everyInvestment.find((i) => i.key === key) ?? expect.unreachable(key)
    const revised = inv.amounts.some((a) => a.measure === 'revised-budget' && a.year === expected.year)
    const budget = investmentAmount(inv, revised ? 'revised-budget' : 'budget', expected.year)
    expect(shownDeviation(budget, investmentAmount(inv, 'outcome', expected.year), inv.printedAs)).toBe(
      expected.printed,
    )
    if (expected.decided !== undefined) {
      expect(shownDeviation(ore(inv.decidedTotalKr ?? 0), accumulated(inv), inv.printedAs)).toBe(
        expected.decided,
      )
    }
  })

  it('Luleå 2024: the two aggregate rows give the printed totals 205,1 / −95,4 / 300,4 mkr', () => {
    const rows = investments(files.luleaKs2024)
    const as = rows[0]?.printedAs ?? expect.unreachable()
    const outcome = sumOre(rows.map((i) => investmentAmount(i, 'outcome', 2024)))
    const budget = sumOre(rows.map((i) => investmentAmount(i, 'budget', 2024)))
    expect(roundToUnit(fromLedgerSign(outcome, as.sign), as.unit, 1)).toBe(205.1)
    expect(roundToUnit(fromLedgerSign(budget, as.sign), as.unit, 1)).toBe(-95.4)
    expect(shownDeviation(budget, outcome, as)).toBe(300.4)
  })

  it('Linköping: Summa färdigställda, Summa investeringar and "Investeringar, netto (KS, KLF)" are reproduced', () => {
    const completed = [
      'ks-2024-inv-klf',
      'ks-2024-inv-vss',
      'ks-simhallen',
      'ks-strategiska-markkop',
      'ks-egna-lokaler',
      'ks-aktier-sodra-skogsagarna',
    ]
    const mnkr = (o: Ore) => roundToUnit(o, 'mnkr', 1)
    const check = (keys: string[], printed: [number, number, number, number, number, number]) => {
      const rows = investments(files.linkopingKs2024, keys)
      const decided = sumOre(rows.map((i) => ore(i.decidedTotalKr ?? 0)))
      const acc = sumOre(rows.map(accumulated))
      const budget = sumOre(rows.map((i) => investmentAmount(i, 'budget', 2024)))
      const outcome = sumOre(rows.map((i) => investmentAmount(i, 'outcome', 2024)))
      expect([
        mnkr(decided),
        mnkr(acc),
        mnkr(decided - acc),
        mnkr(budget),
        mnkr(outcome),
        mnkr(budget - outcome),
      ]).toEqual(printed)
    }
    check(completed, [1240.8, 1182.3, 58.5, 363.2, 304.7, 58.5])
    check(['ks-civil-beredskap'], [108.5, 10.2, 98.3, 108.5, 10.2, 98.3])
    check([...completed, 'ks-civil-beredskap'], [1349.3, 1192.5, 156.8, 471.7, 314.9, 156.8])
    // The summary's "Investeringar, netto (KS, KLF)" is the same without the VSS row.
    const ksKlf = investments(files.linkopingKs2024).filter((i) => i.key !== 'ks-2024-inv-vss')
    const outcome = sumOre(ksKlf.map((i) => investmentAmount(i, 'outcome', 2024)))
    const budget = sumOre(ksKlf.map((i) => investmentAmount(i, 'budget', 2024)))
    expect([mnkr(outcome), mnkr(budget), mnkr(budget - outcome)]).toEqual([245.5, 403.9, 158.4])
  })

  it('Luleå 2025: the specified projects give "Summa specificerade projekt", except the revised budget 2024 (79 500 against a printed 74 500)', () => {
    const rows = investments(files.luleaKsf2025)
    expect(rows).toHaveLength(14)
    const tkr = (measure: SeedAmount['measure'], year: number) =>
      roundToUnit(sumOre(rows.map((i) => investmentAmount(i, measure, year))), 'tkr', 0)
    const computed = [
      tkr('budget', 2024),
      tkr('revised-budget', 2024),
      tkr('forecast', 2024),
      tkr('budget', 2025),
      tkr('plan', 2026),
      tkr('plan', 2027),
    ]
    const printed = [165_900, 74_500, -256_299, 63_415, 33_842, -16_389]
    expect(computed).toEqual([165_900, 79_500, -256_299, 63_415, 33_842, -16_389])
    expect(computed[1]).not.toBe(printed[1])
    // "Nettoinvesteringar" is the printed sum plus "VA-exploateringar", which has no projects.
    const va = [40_800, 16_350, 0, 46_203, 10_885, 53_710]
    expect(printed.map((p, i) => p + (va[i] ?? 0))).toEqual([
      206_700, 90_850, -256_299, 109_618, 44_727, 37_321,
    ])
  })
})

// ---------------------------------------------------------------------------------------------
// Concrete figures of each source
// ---------------------------------------------------------------------------------------------

describe('Luleå, Kommunstyrelsen verksamhetsberättelse 2024', () => {
  const ds = dataset(files.luleaKs2024, 'ks-2024-drift')
  const mkr = (o: Ore) => roundToUnit(fromLedgerSign(o, ds.printedAs.sign), 'mkr', 1)
  const allocation = (measure: SeedAmount['measure'], year: number) =>
    total(breakdown(ds, 'account-groups'), measure, year, ds.year)

  it('has 18 cost-centre lines whose net cost prints −284,8 mkr against a budget of −281,7', () => {
    expect(breakdown(ds, 'cost-centres')).toHaveLength(18)
    expect(mkr(netCost(ds, 'outcome'))).toBe(-284.8)
    expect(mkr(netCost(ds, 'budget'))).toBe(-281.7)
    // The summary table prints −281,8 for the same budget: not reproducible together with −281,7.
    expect(mkr(netCost(ds, 'budget'))).not.toBe(-281.8)
  })

  it('reproduces the printed Resultat row (kommunbidrag − net cost): budget 0, outcome −3,1, 2023 −19,8', () => {
    // Result is shown with a surplus positive in both conventions: allocation minus net cost, ledger sign.
    const result = (measure: SeedAmount['measure'], year: number, net: Ore) =>
      roundToUnit(allocation(measure, year) - net, 'mkr', 1)
    expect(result('budget', 2024, netCost(ds, 'budget'))).toBe(0)
    expect(result('outcome', 2024, netCost(ds, 'outcome'))).toBe(-3.1)
    const board2023 = total(
      ds.lines.filter((l) => !l.costCentre && !l.activityCode && !l.accountGroup),
      'outcome',
      2023,
      ds.year,
    )
    expect(mkr(board2023)).toBe(-307.8)
    expect(result('outcome', 2023, board2023)).toBe(-19.8)
  })

  it("prints the 2023 net cost as 307,8 mkr where Kommunstaben's own report gives 307 662 tkr (307,7)", () => {
    const kstab = dataset(files.luleaKommunstaben2023, 'kommunstaben-2023-drift')
    expect(roundToUnit(netCost(kstab, 'outcome'), 'mkr', 1)).toBe(307.7)
    expect(allocation('outcome', 2023)).toBe(total(breakdown(kstab, 'account-groups'), 'outcome', 2023, 2023))
  })
})

describe('Luleå, Kommunstyrelseförvaltningen verksamhetsplan 2025', () => {
  const ds = dataset(files.luleaKsf2025, 'ksf-2025-budget')
  const tkr = (o: Ore) => roundToUnit(o, 'tkr', 0)
  const board = ds.lines.filter((l) => !l.costCentre && !l.activityCode && !l.accountGroup)
  const allocation = ds.lines.filter(isAllocation)

  it('sums its 22 cost rows to the printed totals where they add up', () => {
    expect(breakdown(ds, 'cost-centres')).toHaveLength(22)
    expect(tkr(netCost(ds, 'budget', 2024))).toBe(262_986)
    expect(tkr(netCost(ds, 'outcome', 2024))).toBe(228_535) // printed 228 537
    expect(tkr(netCost(ds, 'period-budget', 2024))).toBe(228_882) // printed 228 881
    expect(tkr(netCost(ds, 'budget', 2025))).toBe(275_831) // printed 276 470
  })

  it('reproduces Resultat 0 for the forecast 2024 and plans 2026–2027, but not for 2025 (rows 639 tkr short)', () => {
    const result = (measure: SeedAmount['measure'], year: number, lines: readonly SeedEconomyLine[]) =>
      tkr(total(allocation, measure, year, ds.year) - total(lines, measure, year, ds.year))
    expect(result('forecast', 2024, board)).toBe(0)
    expect(result('plan', 2026, board)).toBe(0)
    expect(result('plan', 2027, board)).toBe(0)
    expect(result('budget', 2025, breakdown(ds, 'cost-centres'))).toBe(639)
  })

  it('has frame changes of +12 499 tkr and an appropriation split of 18 mkr', () => {
    const lists = economy(files.luleaKsf2025).frameLists
    const sum = (kind: string) =>
      sumOre(lists.filter((l) => l.kind === kind).flatMap((l) => l.items.map((i) => ore(i.kr))))
    expect(tkr(sum('frame-changes'))).toBe(12_499)
    expect(roundToUnit(sum('appropriation-split'), 'mkr', 0)).toBe(18)
  })
})

describe('Luleå, Kommunstaben verksamhetsberättelse 2023', () => {
  const ds = dataset(files.luleaKommunstaben2023, 'kommunstaben-2023-drift')
  const allocation = ds.lines.filter(isAllocation)
  it('has a result of −19 761 tkr in 2023 and +10 303 tkr in 2022', () => {
    const result = (year: number) =>
      roundToUnit(total(allocation, 'outcome', year, ds.year) - netCost(ds, 'outcome', year), 'tkr', 0)
    expect(result(2023)).toBe(-19_761)
    expect(result(2022)).toBe(10_303)
  })
})

describe('Linköping, Kommunstyrelsen verksamhetsberättelse 2024', () => {
  const ds = dataset(files.linkopingKs2024, 'ks-2024-drift')
  const mnkr = (o: Ore) => roundToUnit(o, 'mnkr', 1)
  const perActivity = (measure: SeedAmount['measure'], year = ds.year) =>
    total(breakdown(ds, 'activity-codes'), measure, year, ds.year)

  it('sums to 632,1 mnkr both per staff and per activity code', () => {
    expect(breakdown(ds, 'cost-centres')).toHaveLength(8)
    expect(breakdown(ds, 'activity-codes')).toHaveLength(16)
    expect(mnkr(netCost(ds, 'outcome'))).toBe(632.1)
    expect(mnkr(perActivity('outcome'))).toBe(632.1)
    expect(mnkr(netCost(ds, 'budget'))).toBe(654.0)
    expect(mnkr(perActivity('budget'))).toBe(654.0)
  })

  it('gives 506,8 for 2023 per activity code but 503,2 per staff, as the printed staff rows do', () => {
    expect(mnkr(perActivity('outcome', 2023))).toBe(506.8)
    expect(mnkr(netCost(ds, 'outcome', 2023))).toBe(503.2)
  })

  it('keeps VSS apart; its row prints as a result (−9,8 and −1,9), the opposite of its net cost', () => {
    const vss = dataset(files.linkopingKs2024, 'vss-2024-drift')
    // Budget 0, no allocation: the result is minus the net cost.
    expect(mnkr(-netCost(vss, 'outcome'))).toBe(-9.8)
    expect(mnkr(-netCost(vss, 'outcome', 2023))).toBe(-1.9)
    expect(netCost(vss, 'budget')).toBe(0)
  })
})
