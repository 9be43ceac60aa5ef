import type { IndicatorView, ValueStatus } from '@arshjul/domain'
import { directionLabels, formatNumber, unitText } from '@arshjul/domain'

export interface IndicatorCell {
  /** The figure as printed, e.g. "41"; null when the value is missing. */
  text: string | null
  status: ValueStatus
  /** The year actually measured when it differs from the column's year ("41 (2021)"). */
  referenceYear: number | null
  note: string | null
}

export interface IndicatorRow {
  key: string
  kind: 'outcome' | 'target'
  label: string
  cells: IndicatorCell[]
}

export interface IndicatorTableModel {
  years: number[]
  rows: IndicatorRow[]
}

const missing: IndicatorCell = { text: null, status: 'missing', referenceYear: null, note: null }

function breakdownOrder(indicator: IndicatorView): { key: string; label: string }[] {
  const others = indicator.breakdowns
    .filter((b) => b.key !== 'total')
    .map((b) => ({ key: b.key, label: b.label }))
  const total = indicator.breakdowns.find((b) => b.key === 'total')
  return [{ key: 'total', label: total?.label ?? 'Totalt' }, ...others]
}

/**
 * An indicator as a table: one column per year (oldest first), one outcome row per breakdown that
 * has values, then one target row per breakdown that has targets.
 */
export function indicatorTable(indicator: IndicatorView): IndicatorTableModel {
  const years = [...new Set([...indicator.values, ...indicator.targets].map((v) => v.year))].sort(
    (a, b) => a - b,
  )
  const breakdowns = breakdownOrder(indicator)
  const rows: IndicatorRow[] = []
  for (const breakdown of breakdowns) {
    const values = indicator.values.filter((v) => v.breakdown === breakdown.key)
    if (values.length === 0) continue
    rows.push({
      key: `outcome-${breakdown.key}`,
      kind: 'outcome',
      label: breakdown.key === 'total' && breakdowns.length === 1 ? 'Utfall' : breakdown.label,
      cells: years.map((year) => {
        const v = values.find((x) => x.year === year)
        if (!v || v.value === null) return { ...missing, note: v?.note ?? null }
        return {
          text: formatNumber(v.value, indicator.decimals),
          status: v.status,
          referenceYear: v.referenceYear !== undefined && v.referenceYear !== year ? v.referenceYear : null,
          note: v.note ?? null,
        }
      }),
    })
  }
  for (const breakdown of breakdowns) {
    const targets = indicator.targets.filter((t) => t.breakdown === breakdown.key)
    if (targets.length === 0) continue
    rows.push({
      key: `target-${breakdown.key}`,
      kind: 'target',
      label: breakdown.key === 'total' ? 'Mål' : `Mål, ${breakdown.label}`,
      cells: years.map((year) => {
        const t = targets.find((x) => x.year === year)
        if (!t) return missing
        const text = t.value !== undefined ? formatNumber(t.value, indicator.decimals) : (t.text ?? null)
        return {
          text,
          status: 'final',
          referenceYear: null,
          note: t.value !== undefined ? (t.text ?? null) : null,
        }
      }),
    })
  }
  return { years, rows }
}

/** The desired direction as a phrase: "Öka", "Minst 4 %". */
export function directionText(indicator: IndicatorView): string | null {
  const direction = indicator.direction
  if (!direction) return null
  if (direction === 'at-least' || direction === 'at-most') {
    const target = [...indicator.targets]
      .filter((t) => t.breakdown === 'total' && t.value !== undefined)
      .sort((a, b) => b.year - a.year)[0]
    if (target?.value !== undefined) {
      const unit = unitText(indicator)
      return `${directionLabels[direction]} ${formatNumber(target.value, indicator.decimals)}${unit ? `\u00a0${unit}` : ''}`
    }
  }
  return directionLabels[direction]
}
