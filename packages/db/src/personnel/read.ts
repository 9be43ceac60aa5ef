import {
  breakdownKey,
  employmentLabels,
  genderLabels,
  groupSizeOf,
  type PartStatus,
  type PersonnelBreakdown,
  PersonnelMeasure,
  type PersonnelView,
  personnelMeasures,
  personnelValue,
  suppressSmallGroups,
  TextReport,
} from '@arshjul/domain'
import type { Queryable } from '../database.ts'
import { type PersonnelScopeKind, readPersonnelFigures } from './store.ts'

/** "Tillsvidareanställda, kvinnor, 30–49 år": how a breakdown is named in a table row. */
export function breakdownLabel(b: PersonnelBreakdown): string {
  const parts: string[] = []
  if (b.employment) parts.push(employmentLabels[b.employment])
  if (b.gender) parts.push(parts.length > 0 ? genderLabels[b.gender].toLowerCase() : genderLabels[b.gender])
  if (b.ageBand) {
    const [from = '', to = ''] = b.ageBand.split('-')
    parts.push(to === '' ? `${from} år och äldre` : from === '0' ? `${to} år och yngre` : `${from}–${to} år`)
  }
  if (b.sickDays) parts.push(`${b.sickDays.replace('-', '–')} sjukdagar`)
  return parts.length === 0 ? 'Samtliga' : parts.join(', ')
}

const dimensionOrder = (b: PersonnelBreakdown) =>
  [
    b.employment === undefined ? 0 : b.employment === 'permanent' ? 1 : 2,
    b.gender === undefined ? 0 : b.gender === 'women' ? 1 : 2,
    b.ageBand === undefined ? 0 : 1 + Number(b.ageBand.split('-')[0]),
    b.sickDays === undefined ? 0 : 1 + Number(b.sickDays.split('-')[0]),
  ] as const

/**
 * The personnel figures of a scope as tables per measure (rows: breakdowns; cells: years). Seen from
 * outside the administration (`insider` false), figures about groups under 10 people — and the cells
 * that would give them away — are hidden (`suppressSmallGroups`); group sizes come from the
 * headcounts of the same year.
 */
export async function readPersonnel(
  db: Queryable,
  municipalityId: string,
  scope: { kind: PersonnelScopeKind; id: string; key: string; name: string },
  insider: boolean,
): Promise<PersonnelView> {
  const figures = await readPersonnelFigures(db, municipalityId, scope.kind, scope.id)
  const headcountsOf = (year: number, period: string | null) =>
    figures
      .filter(
        (f) => f.measure === 'headcount' && f.year === year && f.period === period && f.numerator !== null,
      )
      .map((f) => ({ breakdown: f.breakdown, count: Number(f.numerator) }))
  const id = (f: (typeof figures)[number]) =>
    [f.measure, f.year, f.period ?? '', breakdownKey(f.breakdown)].join('|')
  const hidden = insider
    ? new Set<string>()
    : suppressSmallGroups(
        figures.map((f) => ({
          id: id(f),
          measure: f.measure,
          year: f.year,
          period: f.period ?? undefined,
          breakdown: f.breakdown,
          groupSize: groupSizeOf(f.breakdown, headcountsOf(f.year, f.period)),
        })),
      )
  const years = [...new Set(figures.map((f) => f.year))].sort()
  const measures = PersonnelMeasure.options
    .filter((m) => figures.some((f) => f.measure === m))
    .map((measure) => {
      const info = personnelMeasures[measure]
      const own = figures.filter((f) => f.measure === measure)
      const keys = [...new Set(own.map((f) => breakdownKey(f.breakdown)))]
      const rows = keys
        .map((key) => own.filter((f) => breakdownKey(f.breakdown) === key))
        .map((list) => {
          const breakdown = list[0]?.breakdown ?? {}
          return {
            breakdown,
            label: breakdownLabel(breakdown),
            cells: list
              .sort((a, b) => a.year - b.year || (a.period ?? '').localeCompare(b.period ?? ''))
              .map((f) => {
                const isHidden = hidden.has(id(f))
                const computed = f.numerator !== null && (info.kind === 'count' || f.denominator !== null)
                return {
                  year: f.year,
                  period: f.period,
                  value: isHidden
                    ? null
                    : personnelValue(measure, {
                        numerator: f.numerator ?? undefined,
                        denominator: f.denominator ?? undefined,
                        value: f.value ?? undefined,
                      }),
                  hidden: isHidden,
                  computed: computed && info.kind !== 'count',
                  numerator: isHidden ? null : f.numerator,
                  denominator: isHidden ? null : f.denominator,
                }
              }),
          }
        })
        .sort((a, b) => {
          const x = dimensionOrder(a.breakdown)
          const y = dimensionOrder(b.breakdown)
          for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return (x[i] ?? 0) - (y[i] ?? 0)
          return 0
        })
      return {
        measure,
        label: info.label,
        kind: info.kind,
        decimals: info.decimals,
        numerator: info.numerator ?? null,
        denominator: info.denominator ?? null,
        rows,
      }
    })
  return {
    scope: { kind: scope.kind, key: scope.key, name: scope.name },
    years,
    insider,
    hiddenCount: hidden.size,
    comments: scope.kind === 'administration' ? await personnelComments(db, scope.id, insider) : [],
    measures,
  }
}

/** The scopes of a municipality that have personnel figures, for the page's choice. */
export async function personnelScopes(db: Queryable, municipalityId: string) {
  return db.query<{ kind: PersonnelScopeKind; key: string; name: string }>(
    `SELECT DISTINCT f.scope_kind AS kind,
            COALESCE(u.key, a.key, 'kommunen') AS key,
            COALESCE(u.name, a.name, m.name) AS name
       FROM personnel_figures f
       JOIN municipalities m ON m.id = f.municipality_id
       LEFT JOIN org_units u ON f.scope_kind = 'org-unit' AND u.id = f.scope_id
       LEFT JOIN administrations a ON f.scope_kind = 'administration' AND a.id = f.scope_id
      WHERE f.municipality_id = $1
      ORDER BY 1, 3`,
    [municipalityId],
  )
}

/**
 * An administration's personnel comments per follow-up, newest first. Until a follow-up is approved
 * its part holds the latest text, shown to insiders only; the public sees approved and decided text.
 */
async function personnelComments(db: Queryable, administrationId: string, insider: boolean) {
  const rows = await db.query<{
    key: string
    title: string
    status: string
    text: string | null
    part_id: string | null
    part_status: PartStatus | null
    part_content: unknown
  }>(
    `SELECT f.key, f.title, f.status, c.text, p.id AS part_id, p.status AS part_status, p.content AS part_content
       FROM follow_ups f
       LEFT JOIN personnel_comments c ON c.follow_up_id = f.id
       LEFT JOIN report_parts p ON p.follow_up_id = f.id AND p.kind = 'personnel'
      WHERE f.administration_id = $1 AND (c.text IS NOT NULL OR p.id IS NOT NULL)
      ORDER BY f.period_end DESC, f.key`,
    [administrationId],
  )
  return rows
    .map((r) => {
      const applied = r.status === 'approved' || r.status === 'decided'
      const draft = insider && !applied && r.part_content ? TextReport.parse(r.part_content).text : null
      return {
        followUp: { key: r.key, title: r.title },
        text: applied ? r.text : (draft ?? r.text),
        part:
          insider && !applied && r.part_id && r.part_status ? { id: r.part_id, status: r.part_status } : null,
      }
    })
    .filter((c) => c.text !== null || c.part !== null)
}
