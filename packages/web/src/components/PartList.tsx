import type { PartSummary } from '@arshjul/domain'
import { Link } from '@tanstack/react-router'
import { formatDateTime, groupByKind, kindHeadings } from '../lib/cycle.ts'
import { LateMarker, PartStatusBadge } from './PartStatus.tsx'

interface Props {
  parts: readonly PartSummary[]
  code: string
  board: string
  followUp: string
  /** Heading level of each kind's heading. */
  headingLevel?: 2 | 3
  /** Prefix for heading ids, unique on the page. */
  idPrefix: string
}

/** The parts of a follow-up grouped by kind, each a link to its form, with status and markers. */
export function PartList({ parts, code, board, followUp, headingLevel = 3, idPrefix }: Props) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <>
      {groupByKind(parts).map((group) => {
        const headingId = `${idPrefix}-${group.kind}`
        return (
          <section key={group.kind} aria-labelledby={headingId} className="part-group">
            <Heading id={headingId}>
              {kindHeadings[group.kind]} <span className="part-group__count">({group.parts.length})</span>
            </Heading>
            <ul className="part-list">
              {group.parts.map((part) => (
                <li key={part.id} className="part-row">
                  <div className="part-row__main">
                    <Link
                      to="/$code/$board/uppfoljning/$followUp/del/$partId"
                      params={{ code, board, followUp, partId: part.id }}
                      className="part-row__title"
                    >
                      {part.subject.title}
                    </Link>
                    <p className="part-row__meta">
                      {[
                        part.subject.unit?.name,
                        part.kind !== 'goal' && part.subject.goals.length > 0
                          ? `Mål: ${part.subject.goals.map((g) => g.title).join('; ')}`
                          : null,
                        part.updatedAt
                          ? `Senast ändrad ${formatDateTime(part.updatedAt)}${part.updatedBy ? ` av ${part.updatedBy}` : ''}`
                          : null,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </p>
                    {part.status === 'returned' && part.returnComment ? (
                      <div className="returned-note">
                        <p className="returned-note__title">Återskickad med kommentar:</p>
                        <p className="returned-note__text">{part.returnComment}</p>
                      </div>
                    ) : null}
                  </div>
                  <div className="part-row__status">
                    <PartStatusBadge status={part.status} />
                    {part.late ? <LateMarker /> : null}
                  </div>
                </li>
              ))}
            </ul>
          </section>
        )
      })}
    </>
  )
}
