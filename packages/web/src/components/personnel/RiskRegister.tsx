import type { InternalControlView, RiskView } from '@arshjul/domain'
import { riskCountText, scaleStep } from '../../lib/personnel.ts'
import { DataTable } from '../DataTable.tsx'

interface Props {
  view: InternalControlView
  /** Offered to those who may change risks: opens the form for one risk. */
  onEdit?: ((risk: RiskView, opener: HTMLButtonElement) => void) | undefined
}

/** The board's risks, the highest risk value first. */
export function RiskRegister({ view, onEdit }: Props) {
  return (
    <DataTable
      className="risk-register"
      caption={
        <>
          Riskregister {view.year} <span className="caption-unit">({riskCountText(view.risks.length)})</span>
        </>
      }
    >
      <thead>
        <tr>
          <th scope="col">Risk</th>
          <th scope="col">Sannolikhet</th>
          <th scope="col">Konsekvens</th>
          <th scope="col">Riskvärde</th>
          <th scope="col">Riskägare</th>
          <th scope="col" className="num">
            Identifierad
          </th>
          {onEdit ? (
            <th scope="col">
              <span className="visually-hidden">Ändra</span>
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {view.risks.map((risk) => (
          <tr key={risk.key}>
            <th scope="row" className="cell-main">
              <span className="cell-title">{risk.title}</span>
              {risk.description ? <span className="cell-text">{risk.description}</span> : null}
            </th>
            <td>{scaleStep(view.scale.probability, risk.probability)}</td>
            <td>{scaleStep(view.scale.consequence, risk.consequence)}</td>
            <td>
              <span className={`risk-value risk-value--${risk.band}`}>
                {risk.value} <span className="risk-value__band">{risk.bandLabel}</span>
              </span>
            </td>
            <td>{risk.owner ?? <span className="muted">Ingen angiven</span>}</td>
            <td className="num">{risk.identifiedYear}</td>
            {onEdit ? (
              <td>
                <button
                  type="button"
                  className="button button--small"
                  onClick={(event) => onEdit(risk, event.currentTarget)}
                >
                  Ändra<span className="visually-hidden"> risken {risk.title}</span>
                </button>
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </DataTable>
  )
}
