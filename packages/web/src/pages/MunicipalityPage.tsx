import { getRouteApi, Link } from '@tanstack/react-router'
import { Breadcrumbs } from '../components/Breadcrumbs.tsx'
import { PageHeading } from '../components/PageHeading.tsx'
import { ErrorMessage, isNotFound, Loading } from '../components/QueryState.tsx'
import { useMunicipality } from '../lib/api.ts'
import { usePageTitle } from '../lib/page.ts'
import { NotFoundPage } from './NotFoundPage.tsx'

const route = getRouteApi('/$code')

export function MunicipalityPage() {
  const { code } = route.useParams()
  const municipality = useMunicipality(code)
  const data = municipality.data
  usePageTitle([data?.name ?? (municipality.isPending ? 'Laddar' : null)])

  if (municipality.isError && isNotFound(municipality.error)) {
    return <NotFoundPage message={municipality.error.message} />
  }

  return (
    <>
      <Breadcrumbs current={data?.name ?? 'Kommun'}>
        <Link to="/">Start</Link>
      </Breadcrumbs>
      {municipality.isPending ? <Loading what="kommunen" /> : null}
      {municipality.isError ? (
        <ErrorMessage error={municipality.error} onRetry={() => municipality.refetch()} />
      ) : null}
      {data ? (
        <>
          <PageHeading eyebrow={`Kommunkod ${data.code}`}>{data.name}</PageHeading>
          {data.vision ? (
            <section aria-labelledby="vision-heading">
              <h2 id="vision-heading">Vision</h2>
              <p className="lead">{data.vision}</p>
            </section>
          ) : null}
          <section aria-labelledby="boards-heading">
            <h2 id="boards-heading">Nämnder och styrelser</h2>
            {data.boards.length === 0 ? <p>Kommunen har inga nämnder i Årshjul ännu.</p> : null}
            <ul className="card-list">
              {data.boards.map((board) => (
                <li key={board.key} className="card">
                  <h3 className="card__title">
                    <Link to="/$code/$board" params={{ code: data.code, board: board.key }}>
                      {board.name}
                    </Link>
                  </h3>
                  <ul className="link-list">
                    <li>
                      <Link to="/$code/$board/uppdrag" params={{ code: data.code, board: board.key }}>
                        Uppdrag
                      </Link>
                    </li>
                  </ul>
                </li>
              ))}
            </ul>
          </section>
          {data.goalAreas.length > 0 ? (
            <section aria-labelledby="areas-heading">
              <h2 id="areas-heading">Kommunövergripande mål</h2>
              {[...data.goalAreas]
                .sort((a, b) => a.order - b.order)
                .map((area) => {
                  const goals = data.municipalGoals.filter((g) => g.goalArea === area.key)
                  return (
                    <section key={area.key} className="area" aria-labelledby={`area-${area.key}`}>
                      <h3 id={`area-${area.key}`}>
                        <span className="area__label">{data.settings.goalAreaLabel}:</span> {area.name}
                      </h3>
                      {area.description ? <p>{area.description}</p> : null}
                      {goals.length > 0 ? (
                        <ul>
                          {goals.map((goal) => (
                            <li key={goal.key}>{goal.name}</li>
                          ))}
                        </ul>
                      ) : null}
                    </section>
                  )
                })}
            </section>
          ) : null}
        </>
      ) : null}
    </>
  )
}
