import type { OperatingDrillView } from '@arshjul/domain'
import { monthName, periodText } from '@arshjul/domain'
import { money, operatingColumns, unitCaption } from '../../lib/economy.ts'
import { useOperatingDrill } from '../../lib/economy-api.ts'
import { ErrorMessage, Loading } from '../QueryState.tsx'
import { FigureCells, FigureHeadings } from './FiguresCells.tsx'

interface Props {
  code: string
  board: string
  costCentre: { code: string; name: string }
  year: number
  month: number
  hasAccountDetail: boolean
}

/** One cost centre in detail: per account group, and per month. */
export function DrillDown({ code, board, costCentre, year, month, hasAccountDetail }: Props) {
  const drill = useOperatingDrill(code, board, costCentre.code, { year, month }, true)
  return (
    <div className="drill">
      {drill.isPending ? <Loading what={`detaljerna för ${costCentre.name}`} /> : null}
      {drill.isError ? <ErrorMessage error={drill.error} onRetry={() => drill.refetch()} /> : null}
      {drill.data ? (
        <DrillTables drill={drill.data} month={month} hasAccountDetail={hasAccountDetail} />
      ) : null}
    </div>
  )
}

function DrillTables({
  drill,
  month,
  hasAccountDetail,
}: {
  drill: OperatingDrillView
  month: number
  hasAccountDetail: boolean
}) {
  const { display, costCentre, year } = drill
  const columns = operatingColumns(
    drill.groups.map((g) => g.figures),
    month,
  )
  const months = drill.months.filter(
    (m) => m.periodBudget !== null || m.outcome !== null || m.previousYearOutcome !== null,
  )
  const monthColumns = {
    periodBudget: months.some((m) => m.periodBudget !== null),
    outcome: months.some((m) => m.outcome !== null),
    previousYearOutcome: months.some((m) => m.previousYearOutcome !== null),
  }
  return (
    <>
      {drill.groups.length > 0 && hasAccountDetail ? (
        <table className="drill__table">
          <caption>
            {costCentre.name} per kontogrupp, {periodText(year, month)}. {unitCaption(display)}.
          </caption>
          <thead>
            <tr>
              <th scope="col">Kontogrupp</th>
              <FigureHeadings columns={columns} context={{ year, throughMonth: month }} />
            </tr>
          </thead>
          <tbody>
            {drill.groups.map((group) => (
              <tr key={group.key}>
                <th scope="row">{group.label}</th>
                <FigureCells
                  figures={group.figures}
                  columns={columns}
                  display={display}
                  throughMonth={month}
                />
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="drill__note">Underlaget har inga konton – bara belopp per ansvar.</p>
      )}
      {months.length > 0 ? (
        <table className="drill__table">
          <caption>
            {costCentre.name} per månad {year}. {unitCaption(display)}.
          </caption>
          <thead>
            <tr>
              <th scope="col">Månad</th>
              {monthColumns.periodBudget ? (
                <th scope="col" className="num">
                  Budget
                </th>
              ) : null}
              {monthColumns.outcome ? (
                <th scope="col" className="num">
                  Utfall
                </th>
              ) : null}
              {monthColumns.previousYearOutcome ? (
                <th scope="col" className="num">
                  Utfall {year - 1}
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {months.map((m) => (
              <tr key={m.month}>
                <th scope="row">{monthName(m.month).replace(/^./, (c) => c.toLocaleUpperCase('sv-SE'))}</th>
                {monthColumns.periodBudget ? <td className="num">{money(m.periodBudget, display)}</td> : null}
                {monthColumns.outcome ? <td className="num">{money(m.outcome, display)}</td> : null}
                {monthColumns.previousYearOutcome ? (
                  <td className="num">{money(m.previousYearOutcome, display)}</td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="drill__note">Underlaget har inga belopp per månad.</p>
      )}
    </>
  )
}
