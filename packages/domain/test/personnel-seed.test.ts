// The demo personnel and internal-control data (packages/db/seeds/demo/*/…-personal.json) is taken from
// printed reports. This test pins the printed figures, checks that the data hangs together (counts add up,
// percentages are percentages, references resolve, keys are unique) and pins the places where the source
// does not add up. It reads the files, so it does I/O; the code under test stays pure.
// biome-ignore lint/style/noRestrictedImports: a test reading the seed files it checks; src/ stays free of I/O
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  breakdownKey,
  type PersonnelBreakdown,
  type PersonnelFigure,
  type PersonnelMeasure,
  personnelMeasures,
  personnelValue,
  SeedFile,
  type SeedPersonnelSet,
} from '../src/index.ts'

const SEEDS = new URL('../../db/seeds/demo/', import.meta.url)

function load(path: string): SeedFile {
  return SeedFile.parse(JSON.parse(readFileSync(new URL(path, SEEDS), 'utf8')))
}

/** Every file of a municipality's folder, so that references across files can be resolved. */
function folder(name: string): SeedFile[] {
  return readdirSync(new URL(`${name}/`, SEEDS))
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((n) => load(`${name}/${n}`))
}

const files = {
  luleaKs2024: load('2580-lulea/ks-2024-personal.json'),
  luleaKommunstaben2023: load('2580-lulea/kommunstaben-2023-personal.json'),
  linkopingKs2024: load('0580-linkoping/ks-2024-personal.json'),
}
const all = Object.entries(files)
const folders: Record<string, SeedFile[]> = {
  '2580': folder('2580-lulea'),
  '0580': folder('0580-linkoping'),
}

function set(file: SeedFile, key: string): SeedPersonnelSet {
  const found = file.personnel.find((s) => s.key === key)
  if (!found) throw new Error(`no personnel set ${key}`)
  return found
}

function figure(
  s: SeedPersonnelSet,
  measure: PersonnelMeasure,
  year: number,
  breakdown: PersonnelBreakdown = {},
): PersonnelFigure {
  const key = breakdownKey(breakdown)
  const found = s.figures.filter(
    (f) => f.measure === measure && f.year === year && breakdownKey(f.breakdown) === key,
  )
  if (found.length !== 1) throw new Error(`${found.length} figures ${measure} ${year} [${key}] in ${s.key}`)
  return found[0] as PersonnelFigure
}

/** The value of a figure as the system computes it. */
function value(s: SeedPersonnelSet, measure: PersonnelMeasure, year: number, b: PersonnelBreakdown = {}) {
  return personnelValue(measure, figure(s, measure, year, b))
}

const round = (n: number, decimals: number) => Number(n.toFixed(decimals))

// ---------------------------------------------------------------------------------------------
// Luleå, Kommunstyrelsens verksamhetsberättelse 2024, section 4
// ---------------------------------------------------------------------------------------------

describe('Luleå KS 2024: the printed figures of Kommunstyrelseförvaltningen', () => {
  const ksf = set(files.luleaKs2024, 'ksf-2024-personal')

  it('is the administration ksf', () => {
    expect(ksf.scope).toEqual({ administration: 'ksf' })
  })

  it.each([
    [{}, 3.03],
    [{ gender: 'women' }, 3.44],
    [{ gender: 'men' }, 2.03],
    [{ ageBand: '0-29' }, 0.8],
    [{ ageBand: '30-49' }, 3.65],
    [{ ageBand: '50-' }, 2.4],
  ] as const)('sick leave %o is %s per cent', (b, printed) => {
    expect(value(ksf, 'sick-leave', 2024, b)).toBe(printed)
  })

  it('long-term sick leave is 35,65 % of the sick leave', () => {
    expect(value(ksf, 'sick-leave-long-share', 2024)).toBe(35.65)
  })

  it('frisknärvaro is 86,71 %, of which 0 days 61,89 % and 1–7 days 24,83 %', () => {
    expect(value(ksf, 'frisknarvaro', 2024)).toBe(86.71)
    expect(value(ksf, 'frisknarvaro', 2024, { sickDays: '0' })).toBe(61.89)
    expect(value(ksf, 'frisknarvaro', 2024, { sickDays: '1-7' })).toBe(24.83)
  })

  it('the source rounds: 61,89 + 24,83 is 86,72, one hundredth above the printed 86,71', () => {
    expect(round(61.89 + 24.83, 2)).toBe(86.72)
  })

  it.each([
    [{ employment: 'permanent' }, 198],
    [{ employment: 'permanent', gender: 'women' }, 143],
    [{ employment: 'permanent', gender: 'men' }, 55],
    [{ employment: 'temporary' }, 19],
    [{ employment: 'temporary', gender: 'women' }, 11],
    [{ employment: 'temporary', gender: 'men' }, 8],
  ] as const)('headcount %o is %s, stored as a count', (b, printed) => {
    const f = figure(ksf, 'headcount', 2024, b)
    expect(f.numerator).toBe(String(printed))
    expect(f.value).toBeUndefined()
    expect(personnelValue('headcount', f)).toBe(printed)
  })

  it('the age distribution is printed per band: permanent 99,9 % in all (rounding), temporary 100 %', () => {
    const sum = (employment: 'permanent' | 'temporary') =>
      round(
        ksf.figures
          .filter((f) => f.measure === 'age-distribution' && f.breakdown.employment === employment)
          .reduce((n, f) => n + (f.value ?? 0), 0),
        1,
      )
    expect(value(ksf, 'age-distribution', 2024, { employment: 'permanent', ageBand: '0-29' })).toBe(4)
    expect(value(ksf, 'age-distribution', 2024, { employment: 'temporary', ageBand: '40-49' })).toBe(42.1)
    expect(sum('permanent')).toBe(99.9)
    expect(sum('temporary')).toBe(100)
  })

  it('internal turnover of KSF 0,51 %; municipality: external 9,79 %, internal 1,22 %', () => {
    const kommun = set(files.luleaKs2024, 'lulea-kommun-2024-personal')
    expect(kommun.scope).toBe('municipality')
    expect(value(ksf, 'turnover-internal', 2024)).toBe(0.51)
    expect(value(kommun, 'turnover-external', 2024)).toBe(9.79)
    expect(value(kommun, 'turnover-internal', 2024)).toBe(1.22)
  })

  it('the overall assessment of internal control belongs to the 2024 annual report', () => {
    const ic = files.luleaKs2024.internalControl
    expect(ic?.assessments.map((a) => a.followUp)).toEqual(['ks-2024-vb'])
    expect(ic?.assessments[0]?.text).toMatch(/tillfredsställande/)
    expect(ic?.assessments[0]?.text).toMatch(/2025/)
  })
})

// ---------------------------------------------------------------------------------------------
// Luleå, Kommunstaben 2023 and Linköping 2024: a few pinned figures and the source's inconsistencies
// ---------------------------------------------------------------------------------------------

describe('Luleå Kommunstaben 2023', () => {
  const staben = set(files.luleaKommunstaben2023, 'kommunstaben-2023-personal')

  it('has one figure per year 2019–2023 for each printed series', () => {
    for (const year of [2019, 2020, 2021, 2022, 2023]) {
      expect(figure(staben, 'headcount', year, { employment: 'permanent' })).toBeDefined()
      expect(figure(staben, 'sick-leave', year)).toBeDefined()
      expect(figure(staben, 'sick-leave-long-share', year)).toBeDefined()
    }
    expect(value(staben, 'headcount', 2023, { employment: 'permanent' })).toBe(283)
    expect(value(staben, 'sick-leave', 2023)).toBe(2.79)
    expect(value(staben, 'sick-leave', 2019, { gender: 'women' })).toBe(6.2)
  })

  it('applicants per ad: 814 applicants on 45 ads, printed 18 (whole numbers)', () => {
    const f = figure(staben, 'applicants-per-ad', 2023)
    expect(f.value).toBe(18)
    expect(round(personnelValue('applicants-per-ad', f) ?? Number.NaN, 0)).toBe(18)
  })

  it('the text\'s "13 fler månadsanställda" does not match the table (16 more)', () => {
    const monthly = (year: number) =>
      (value(staben, 'headcount', year, { employment: 'permanent' }) ?? 0) +
      (value(staben, 'headcount', year, { employment: 'temporary' }) ?? 0)
    expect(monthly(2023) - monthly(2022)).toBe(16)
  })
})

describe('Linköping KS 2024', () => {
  const klf = set(files.linkopingKs2024, 'klf-2024-personal')
  const kommun = set(files.linkopingKs2024, 'linkopings-kommun-2024-personal')

  it('pins the printed figures that the goal texts repeat', () => {
    expect(value(klf, 'headcount', 2024, { employment: 'permanent' })).toBe(132)
    expect(value(klf, 'sick-leave', 2023)).toBe(2)
    expect(value(klf, 'sick-leave', 2024)).toBe(1.5)
    expect(value(klf, 'hme', 2024)).toBe(88)
    expect(value(klf, 'chefindex', 2024)).toBe(91)
    expect(value(klf, 'employees-per-manager', 2024)).toBe(11)
    expect(value(klf, 'turnover-external', 2024)).toBe(6.8)
    expect(value(kommun, 'sick-leave', 2024)).toBe(8.1)
    expect(value(kommun, 'hme', 2024)).toBe(75)
    expect(value(kommun, 'chefindex', 2024)).toBe(71)
    expect(value(kommun, 'retirement-age', 2024)).toBe(65.4)
    expect(value(kommun, 'share-full-time', 2024)).toBe(87.9)
  })

  it("women's KLF sick leave 2023 follows the personnel table (2,6; the indicator table prints 2,5)", () => {
    expect(value(klf, 'sick-leave', 2023, { gender: 'women' })).toBe(2.6)
  })

  it('KLF chefindex 2022 is not there (printed I.U.)', () => {
    expect(klf.figures.some((f) => f.measure === 'chefindex' && f.year === 2022)).toBe(false)
  })

  it('the municipal external turnover of 2022 and 2023 lies below both genders (as printed)', () => {
    for (const year of [2022, 2023]) {
      const total = value(kommun, 'turnover-external', year) ?? 0
      expect(total).toBeLessThan(value(kommun, 'turnover-external', year, { gender: 'women' }) ?? 0)
      expect(total).toBeLessThan(value(kommun, 'turnover-external', year, { gender: 'men' }) ?? 0)
    }
  })

  it('all ten control points were carried out; two are named in the text', () => {
    const ic = files.linkopingKs2024.internalControl
    expect(ic?.controls).toHaveLength(2)
    expect(ic?.followUps.every((f) => f.followUp === 'ks-2024-vb')).toBe(true)
    expect(ic?.assessments[0]?.text).toMatch(/tio internkontrollpunkter/)
  })
})

// ---------------------------------------------------------------------------------------------
// Rules every personnel and internal-control file keeps
// ---------------------------------------------------------------------------------------------

describe.each(all)('%s: consistency', (_name, file) => {
  const municipality = folders[file.municipality] ?? []
  const definition = municipality.find((f) => f.definition)?.definition

  it('has a personnel part or an internal-control part', () => {
    expect(file.personnel.length + (file.internalControl ? 1 : 0)).toBeGreaterThan(0)
  })

  it('has a figure at most once per measure, year, period and breakdown in a set', () => {
    for (const s of file.personnel) {
      const ids = s.figures.map((f) =>
        [f.measure, f.year, f.period ?? '', breakdownKey(f.breakdown)].join('|'),
      )
      expect(new Set(ids).size, s.key).toBe(ids.length)
    }
  })

  it('women + men add up to the total of each employment type, where all three are given', () => {
    let checked = 0
    for (const s of file.personnel) {
      const counts = s.figures.filter((f) => f.measure === 'headcount')
      for (const total of counts.filter((f) => f.breakdown.gender === undefined)) {
        const part = (gender: 'women' | 'men') =>
          counts.find(
            (f) =>
              f.year === total.year &&
              f.period === total.period &&
              breakdownKey(f.breakdown) === breakdownKey({ ...total.breakdown, gender }),
          )
        const women = part('women')
        const men = part('men')
        if (!women || !men) continue
        expect(Number(women.numerator) + Number(men.numerator), `${s.key} ${total.year}`).toBe(
          Number(total.numerator),
        )
        checked++
      }
    }
    if (file.personnel.some((s) => s.figures.some((f) => f.measure === 'headcount'))) {
      expect(checked).toBeGreaterThan(0)
    }
  })

  it('counts are whole numbers given as numerators; other figures as printed values', () => {
    for (const s of file.personnel) {
      for (const f of s.figures) {
        if (personnelMeasures[f.measure].kind === 'count') {
          expect(f.numerator, `${s.key} ${f.measure} ${f.year}`).toMatch(/^\d+$/)
          expect(personnelValue(f.measure, f)).toBe(Number(f.numerator))
        } else {
          expect(f.value, `${s.key} ${f.measure} ${f.year}`).toBeTypeOf('number')
        }
      }
    }
  })

  it('personnelValue gives the printed value (exactly when only the value is stored)', () => {
    for (const s of file.personnel) {
      for (const f of s.figures) {
        if (f.value === undefined) continue
        const computed = personnelValue(f.measure, f)
        if (f.numerator === undefined) {
          expect(computed, `${s.key} ${f.measure} ${f.year}`).toBe(f.value)
        } else {
          // Computed from the printed quantities: it must round to the printed value at its precision.
          const decimals = (String(f.value).split('.')[1] ?? '').length
          expect(Math.abs((computed ?? Number.NaN) - f.value)).toBeLessThanOrEqual(0.5 * 10 ** -decimals)
        }
      }
    }
  })

  it('every percentage lies between 0 and 100', () => {
    for (const s of file.personnel) {
      for (const f of s.figures) {
        if (personnelMeasures[f.measure].kind !== 'percent') continue
        const v = personnelValue(f.measure, f)
        expect(v, `${s.key} ${f.measure} ${f.year}`).not.toBeNull()
        expect(v).toBeGreaterThanOrEqual(0)
        expect(v).toBeLessThanOrEqual(100)
      }
    }
  })

  it('an age distribution adds up to 100 % within the rounding of its bands (±0,1)', () => {
    for (const s of file.personnel) {
      const groups = new Map<string, number>()
      for (const f of s.figures.filter((x) => x.measure === 'age-distribution')) {
        const id = `${f.year}|${f.period ?? ''}|${f.breakdown.employment ?? ''}`
        groups.set(id, (groups.get(id) ?? 0) + (f.value ?? 0))
      }
      for (const [id, sum] of groups) {
        expect(Math.abs(sum - 100), `${s.key} ${id}`).toBeLessThanOrEqual(0.1 + 1e-9)
      }
    }
  })

  it('scopes point at administrations of the municipality', () => {
    const administrations = new Set(municipality.flatMap((f) => f.administrations.map((a) => a.key)))
    for (const s of file.personnel) {
      if (s.scope === 'municipality') continue
      if ('administration' in s.scope) expect(administrations.has(s.scope.administration)).toBe(true)
      else expect(municipality.flatMap((f) => f.orgUnits.map((u) => u.key))).toContain(s.scope.orgUnit)
    }
  })

  it("every follow-up level is on the municipality's assessment scale", () => {
    expect(definition).toBeDefined()
    const levels = new Set(definition?.settings.assessmentScale.levels.map((l) => l.key))
    for (const f of file.internalControl?.followUps ?? []) {
      if (f.level !== undefined) expect(levels.has(f.level), f.level).toBe(true)
    }
  })

  it('controls, risks, follow-ups and boards resolve', () => {
    const ic = file.internalControl
    if (!ic) return
    const risks = new Set(municipality.flatMap((f) => f.internalControl?.risks.map((r) => r.key) ?? []))
    const controls = new Set(municipality.flatMap((f) => f.internalControl?.controls.map((c) => c.key) ?? []))
    const followUps = new Set(municipality.flatMap((f) => f.followUps.map((x) => x.key)))
    const boards = new Set(municipality.flatMap((f) => f.boards.map((b) => b.key)))
    for (const c of ic.controls) {
      if (c.risk !== undefined) expect(risks.has(c.risk), c.risk).toBe(true)
      if (c.carriedFrom !== undefined) expect(controls.has(c.carriedFrom), c.carriedFrom).toBe(true)
      expect(boards.has(c.board), c.board).toBe(true)
    }
    for (const r of ic.risks) {
      expect(boards.has(r.board), r.board).toBe(true)
      const scale = definition?.settings.riskScale
      expect(r.probability).toBeLessThanOrEqual(scale?.probability.length ?? 0)
      expect(r.consequence).toBeLessThanOrEqual(scale?.consequence.length ?? 0)
    }
    for (const f of ic.followUps) {
      expect(controls.has(f.control), f.control).toBe(true)
      expect(followUps.has(f.followUp), f.followUp).toBe(true)
    }
    for (const a of ic.assessments) expect(followUps.has(a.followUp), a.followUp).toBe(true)
  })
})

describe.each(Object.entries(folders))('municipality %s: keys', (_code, municipality) => {
  const unique = (keys: string[]) => expect(new Set(keys).size).toBe(keys.length)

  it('personnel set keys are unique across files', () => {
    unique(municipality.flatMap((f) => f.personnel.map((s) => s.key)))
  })
  it('risk and control keys are unique across files', () => {
    unique(municipality.flatMap((f) => f.internalControl?.risks.map((r) => r.key) ?? []))
    unique(municipality.flatMap((f) => f.internalControl?.controls.map((c) => c.key) ?? []))
  })
  it('a control is followed up at most once per follow-up, and each follow-up has one overall assessment', () => {
    unique(
      municipality.flatMap(
        (f) => f.internalControl?.followUps.map((x) => `${x.control}@${x.followUp}`) ?? [],
      ),
    )
    unique(municipality.flatMap((f) => f.internalControl?.assessments.map((a) => a.followUp) ?? []))
  })
  it('each file names a different source', () => {
    unique(municipality.flatMap((f) => (f.source ? [f.source.file] : [])))
  })
})
