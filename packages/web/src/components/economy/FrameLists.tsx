import type { FramesView } from '@arshjul/domain'
import { favourable, unitCaption } from '../../lib/economy.ts'
import { DataTable } from '../DataTable.tsx'

/** Lists that explain the budget frame (changes) or split an appropriation over areas. */
export function FrameLists({ view }: { view: FramesView }) {
  return (
    <>
      {view.lists.map((list) => {
        const withCostCentre = list.items.some((i) => i.costCentre !== null)
        return (
          <DataTable
            key={list.key}
            caption={
              <>
                {list.title}. <span className="caption-unit">{unitCaption(view.display)}.</span>
              </>
            }
            className="economy-table frame-table"
          >
            <thead>
              <tr>
                <th scope="col">{list.kind === 'frame-changes' ? 'Förändring' : 'Område'}</th>
                {withCostCentre ? <th scope="col">Ansvar</th> : null}
                <th scope="col" className="num">
                  Belopp
                </th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((item, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: items of a decided list have no key of their own and never move
                <tr key={i}>
                  <th scope="row" className="cell-wrap">
                    {item.label}
                  </th>
                  {withCostCentre ? <td>{item.costCentre ?? ''}</td> : null}
                  <td className="num">{favourable(item.amount, view.display)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={withCostCentre ? 2 : 1}>
                  Summa
                </th>
                <td className="num">{favourable(list.total, view.display)}</td>
              </tr>
            </tfoot>
          </DataTable>
        )
      })}
    </>
  )
}
