import type { BoardDetail } from '@arshjul/domain'
import { Link } from '@tanstack/react-router'
import { Breadcrumbs } from './Breadcrumbs.tsx'

interface Props {
  code: string
  boardKey: string
  board: BoardDetail | undefined
  /** The current page, shown last and not as a link. */
  current: string
  /** Pages of a follow-up also lead back to the tasks in it ("Mina uppgifter"). */
  tasksOf?: string
}

/** Start › municipality › board (› Mina uppgifter) › the current page. */
export function BoardBreadcrumbs({ code, boardKey, board, current, tasksOf }: Props) {
  return (
    <Breadcrumbs current={current}>
      <Link to="/">Start</Link>
      <Link to="/$code" params={{ code }}>
        {board?.municipality.name ?? 'Kommun'}
      </Link>
      <Link to="/$code/$board" params={{ code, board: boardKey }}>
        {board?.name ?? 'Nämnd'}
      </Link>
      {tasksOf ? (
        <Link
          to="/$code/$board/uppgifter"
          params={{ code, board: boardKey }}
          search={{ uppfoljning: tasksOf }}
        >
          Mina uppgifter
        </Link>
      ) : null}
    </Breadcrumbs>
  )
}
