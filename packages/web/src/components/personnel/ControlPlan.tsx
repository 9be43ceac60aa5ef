import type { ControlView, InternalControlView } from '@arshjul/domain'
import { DataTable } from '../DataTable.tsx'
import { LevelBadge } from '../LevelBadge.tsx'
import { Paragraphs } from '../Paragraphs.tsx'

const missing = <span className="muted">–</span>

/** The year's control plan: each control, the risk it answers, how, by whom and how often. */
export function ControlPlan({ view }: { view: InternalControlView }) {
  return (
    <DataTable
      className="control-plan"
      caption={
        <>
          Internkontrollplan {view.year}{' '}
          <span className="caption-unit">
            ({view.controls.length === 1 ? '1 kontrollmoment' : `${view.controls.length} kontrollmoment`})
          </span>
        </>
      }
    >
      <thead>
        <tr>
          <th scope="col">Kontrollmoment</th>
          <th scope="col">Risk</th>
          <th scope="col">Metod</th>
          <th scope="col">Ansvarig</th>
          <th scope="col">Frekvens</th>
          <th scope="col">Kommungemensam</th>
          <th scope="col">Bedömning</th>
        </tr>
      </thead>
      <tbody>
        {view.controls.map((control) => (
          <tr key={control.key}>
            <th scope="row" className="cell-main">
              <span className="cell-title">{control.title}</span>
              {control.carriedFrom ? (
                <span className="cell-text">Återkommer från {control.carriedFrom.year}</span>
              ) : null}
            </th>
            <td>{control.risk?.title ?? missing}</td>
            <td>{control.method ?? missing}</td>
            <td>
              {control.responsible ?? missing}
              {control.unit ? <span className="control-unit">{control.unit.name}</span> : null}
            </td>
            <td>{control.frequency ?? missing}</td>
            <td>{control.mandatory ? 'Ja' : 'Nej'}</td>
            <td>
              <LevelBadge level={control.followUp?.level ?? null} />
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  )
}

/** A control's follow-up as read: the result, the assessment, the action and whether it returns. */
export function ControlFollowUpView({ control }: { control: ControlView }) {
  const followUp = control.followUp
  if (!followUp) return <p className="muted">Kontrollmomentet är inte uppföljt ännu.</p>
  return (
    <>
      <dl className="facts facts--inline control-status">
        <div>
          <dt>Bedömning</dt>
          <dd>
            <LevelBadge level={followUp.level} />
          </dd>
        </div>
        <div>
          <dt>Återkommer nästa år</dt>
          <dd>{followUp.returnsNextYear ? 'Ja' : 'Nej'}</dd>
        </div>
      </dl>
      <dl className="control-facts">
        <dt>Resultat</dt>
        <dd>{followUp.result ? <Paragraphs text={followUp.result} /> : <p>Inget resultat angivet.</p>}</dd>
        <dt>Åtgärd</dt>
        <dd>{followUp.action ? <Paragraphs text={followUp.action} /> : <p>Ingen åtgärd angiven.</p>}</dd>
      </dl>
    </>
  )
}
