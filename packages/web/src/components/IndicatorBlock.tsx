import type { IndicatorSource, IndicatorView } from '@arshjul/domain'
import { hasChart, indicatorTitle, unitText } from '@arshjul/domain'
import { directionText, type IndicatorCell, indicatorTable } from '../lib/indicator-table.ts'
import { DataTable } from './DataTable.tsx'
import { IndicatorChart } from './IndicatorChart.tsx'

const sourceKinds: Record<IndicatorSource['kind'], string> = {
  kolada: 'Kolada',
  scb: 'SCB',
  skr: 'SKR',
  survey: 'Enkät',
  hr: 'Personalsystemet',
  ledger: 'Ekonomisystemet',
  manual: 'Egen uppgift',
  other: 'Annan källa',
}

function sourceText(source: IndicatorSource): string {
  const name = source.name ?? sourceKinds[source.kind]
  return source.koladaKpiId ? `${name} (${source.koladaKpiId})` : name
}

function Cell({ cell }: { cell: IndicatorCell }) {
  if (cell.text === null) {
    return (
      <td className="num">
        <span aria-hidden="true">–</span>
        <span className="visually-hidden">uppgift saknas</span>
      </td>
    )
  }
  return (
    <td className="num">
      {cell.text}
      {cell.referenceYear !== null ? (
        <>
          {' '}
          <span className="ref-year" aria-hidden="true">
            ({cell.referenceYear})
          </span>
          <span className="visually-hidden">(värdet avser {cell.referenceYear})</span>
        </>
      ) : null}
      {cell.status === 'preliminary' ? (
        <>
          {' '}
          <span className="prel" aria-hidden="true">
            Prel.
          </span>
          <span className="visually-hidden"> preliminärt</span>
        </>
      ) : null}
      {cell.note ? <span className="cell-note">{cell.note}</span> : null}
    </td>
  )
}

/** "Markreserv verksamhetsmark, hektar (ha), per år"; the unit is added when the name lacks it. */
function tableCaption(title: string, unit: string): string {
  return unit && !title.includes(unit) ? `${title} (${unit}), per år` : `${title}, per år`
}

export function IndicatorBlock({
  indicator,
  headingLevel = 3,
  heading,
}: {
  indicator: IndicatorView
  headingLevel?: 3 | 4
  /** A heading other than the indicator's name; null for none, where the page already names it. */
  heading?: string | null
}) {
  const table = indicatorTable(indicator)
  const unit = unitText(indicator)
  const title = indicatorTitle(indicator)
  const direction = directionText(indicator)
  const Heading = headingLevel === 3 ? 'h3' : 'h4'
  const hasPreliminary = table.rows.some((r) =>
    r.cells.some((c) => c.status === 'preliminary' && c.text !== null),
  )
  const hasReference = table.rows.some((r) => r.cells.some((c) => c.referenceYear !== null))

  return (
    <article className="indicator">
      {heading === null ? null : <Heading>{heading ?? title}</Heading>}
      {indicator.description ? <p>{indicator.description}</p> : null}
      <dl className="facts facts--inline">
        {unit ? (
          <div>
            <dt>Enhet</dt>
            <dd>{unit}</dd>
          </div>
        ) : null}
        {direction ? (
          <div>
            <dt>Önskad riktning</dt>
            <dd>{direction}</dd>
          </div>
        ) : null}
        <div>
          <dt>Källa</dt>
          <dd>{sourceText(indicator.source)}</dd>
        </div>
        {indicator.scope ? (
          <div>
            <dt>Avser</dt>
            <dd>{indicator.scope}</dd>
          </div>
        ) : null}
      </dl>
      {indicator.lagNote ? <p className="muted">{indicator.lagNote}</p> : null}
      {table.years.length === 0 ? (
        <p>Det finns inga värden för indikatorn ännu.</p>
      ) : (
        <div className="indicator__body">
          <div className="indicator__table">
            <DataTable caption={tableCaption(title, unit)} className="indicator-table" fit>
              <thead>
                <tr>
                  <td />
                  {table.years.map((year) => (
                    <th key={year} scope="col" className="num">
                      {year}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row) => (
                  <tr key={row.key} className={row.kind === 'target' ? 'row-target' : undefined}>
                    <th scope="row">{row.label}</th>
                    {row.cells.map((cell, i) => (
                      <Cell key={table.years[i]} cell={cell} />
                    ))}
                  </tr>
                ))}
              </tbody>
            </DataTable>
            {hasPreliminary || hasReference ? (
              <p className="table-note">
                {hasPreliminary ? 'Prel. = preliminärt värde. ' : ''}
                {hasReference
                  ? 'Årtal inom parentes anger året värdet avser, när det är ett tidigare år.'
                  : ''}
              </p>
            ) : null}
          </div>
          {hasChart(indicator) ? <IndicatorChart indicator={indicator} /> : null}
        </div>
      )}
    </article>
  )
}
