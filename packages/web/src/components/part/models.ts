/** How each kind of part is held in the form and sent back (see KindModel). */
import type { GoalReport, PartDetail } from '@arshjul/domain'
import {
  contentOf,
  type FieldErrors,
  parseYear,
  rowsToContent,
  type ValueRow,
  valueRows,
} from '../../lib/part-form.ts'
import type { KindModel } from './useDraft.ts'

export interface Deviation {
  id: number
  text: string
}

export interface GoalModel {
  level: string | null
  trend: GoalReport['trend']
  forecastLevel: string | null
  forecastText: string
  analysis: string
  deviations: Deviation[]
}

let nextDeviationId = 1
export const newDeviation = (text = ''): Deviation => ({ id: nextDeviationId++, text })

const blankToNull = (text: string) => (text.trim() === '' ? null : text)

const goalFields = new Set(['level', 'trend', 'forecastLevel', 'forecastText', 'analysis', 'deviations'])

export const goalModel: KindModel<GoalModel> = {
  fromPart(part) {
    const c = contentOf('goal', part.content)
    return {
      level: c.level,
      trend: c.trend,
      forecastLevel: c.forecastLevel,
      forecastText: c.forecastText ?? '',
      analysis: c.analysis ?? '',
      deviations: c.deviations.map((d) => newDeviation(d)),
    }
  },
  toContent(m) {
    return {
      content: {
        level: m.level,
        trend: m.trend,
        forecastLevel: m.forecastLevel,
        forecastText: blankToNull(m.forecastText),
        analysis: blankToNull(m.analysis),
        // A row added but left empty is not a deviation.
        deviations: m.deviations.map((d) => d.text.trim()).filter((t) => t !== ''),
      },
      unreadable: { fields: {}, general: [] },
    }
  },
  fieldOf(path) {
    const field = path.split('.')[0] ?? ''
    return goalFields.has(field) ? field : null
  },
}

export const NUMBER_MESSAGE = 'Ange ett tal, till exempel 12,5. Lämna tomt om värdet saknas.'

/** Field names of an indicator row: "values.total.value", "values.kvinnor.status". */
export const valueField = (breakdown: string, part: 'value' | 'status' | 'comment') =>
  `values.${breakdown}.${part}`

export const indicatorModel: KindModel<ValueRow[]> = {
  fromPart(part) {
    return valueRows(part.indicator, part.followUp.year, contentOf('indicator', part.content))
  },
  toContent(rows, part) {
    const result = rowsToContent(rows, part.followUp.year, contentOf('indicator', part.content))
    const fields: FieldErrors['fields'] = {}
    for (const breakdown of result.unreadable) fields[valueField(breakdown, 'value')] = NUMBER_MESSAGE
    return { content: result.content, unreadable: { fields, general: [] } }
  },
  fieldOf(path, rows, part) {
    const segments = path.split('.')
    if (segments[0] !== 'values') return null
    const first = rows[0]?.breakdown ?? 'total'
    if (segments.length === 1) return valueField(first, 'value')
    const { breakdownAt } = rowsToContent(rows, part.followUp.year, contentOf('indicator', part.content))
    const breakdown = breakdownAt[Number(segments[1])]
    const which = segments[2] === 'status' || segments[2] === 'comment' ? segments[2] : 'value'
    return breakdown ? valueField(breakdown, which) : null
  },
}

export interface StatusModel {
  status: string | null
  comment: string
  transferredToYear: string
}

export const YEAR_MESSAGE = 'Ange ett årtal med fyra siffror, till exempel 2026.'

function statusModel(kind: 'activity' | 'assignment'): KindModel<StatusModel> {
  return {
    fromPart(part: PartDetail) {
      if (kind === 'activity') {
        const c = contentOf('activity', part.content)
        return { status: c.status, comment: c.comment ?? '', transferredToYear: '' }
      }
      const c = contentOf('assignment', part.content)
      return {
        status: c.status,
        comment: c.comment ?? '',
        transferredToYear: c.transferredToYear === null ? '' : String(c.transferredToYear),
      }
    },
    toContent(m) {
      if (kind === 'activity') {
        return {
          content: { status: m.status, comment: blankToNull(m.comment) },
          unreadable: { fields: {}, general: [] },
        }
      }
      const year = m.status === 'overfors' ? parseYear(m.transferredToYear) : null
      const unreadable: FieldErrors = { fields: {}, general: [] }
      if (year === undefined) unreadable.fields.transferredToYear = YEAR_MESSAGE
      return {
        content: { status: m.status, comment: blankToNull(m.comment), transferredToYear: year ?? null },
        unreadable,
      }
    },
    fieldOf(path) {
      const field = path.split('.')[0] ?? ''
      return ['status', 'comment', 'transferredToYear'].includes(field) ? field : null
    },
  }
}

export const activityModel = statusModel('activity')
export const assignmentModel = statusModel('assignment')

export interface ControlModel {
  result: string
  level: string | null
  action: string
  returnsNextYear: boolean
}

export const controlModel: KindModel<ControlModel> = {
  fromPart(part) {
    const c = contentOf('control', part.content)
    return {
      result: c.result ?? '',
      level: c.level,
      action: c.action ?? '',
      returnsNextYear: c.returnsNextYear,
    }
  },
  toContent(m) {
    return {
      content: {
        result: blankToNull(m.result),
        level: m.level,
        action: blankToNull(m.action),
        returnsNextYear: m.returnsNextYear,
      },
      unreadable: { fields: {}, general: [] },
    }
  },
  fieldOf(path) {
    const field = path.split('.')[0] ?? ''
    return ['result', 'level', 'action', 'returnsNextYear'].includes(field) ? field : null
  },
}

export interface TextModel {
  text: string
}

/** The overall assessment of internal control and the personnel comment: one text each. */
export const textModel: KindModel<TextModel> = {
  fromPart(part) {
    const c = contentOf(part.kind === 'personnel' ? 'personnel' : 'control-summary', part.content)
    return { text: c.text ?? '' }
  },
  toContent(m) {
    return { content: { text: blankToNull(m.text) }, unreadable: { fields: {}, general: [] } }
  },
  fieldOf(path) {
    return path.split('.')[0] === 'text' ? 'text' : null
  },
}

export interface NarrativeModel {
  text: string
  cites: { figure: string; value: string }[]
}

/** A text of the document: its words, and the figures it cites when it started from the draft. */
export const narrativeModel: KindModel<NarrativeModel> = {
  fromPart(part) {
    const c = contentOf('narrative', part.content)
    return { text: c.text ?? '', cites: c.cites }
  },
  toContent(m, part) {
    const { section, order } = contentOf('narrative', part.content)
    return {
      content: { section, order, text: blankToNull(m.text), cites: m.cites },
      unreadable: { fields: {}, general: [] },
    }
  },
  fieldOf(path) {
    return path.split('.')[0] === 'text' ? 'text' : null
  },
}
