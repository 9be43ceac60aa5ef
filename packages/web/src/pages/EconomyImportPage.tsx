import type { ImportKind, ImportPreview, ImportResult, MunicipalityDetail } from '@arshjul/domain'
import { useQueryClient } from '@tanstack/react-query'
import { getRouteApi, Link } from '@tanstack/react-router'
import { useEffect, useRef, useState } from 'react'
import { SignInPrompt } from '../components/Account.tsx'
import { BoardBreadcrumbs } from '../components/BoardBreadcrumbs.tsx'
import { ImportPreviewView } from '../components/economy/ImportPreviewView.tsx'
import { ErrorSummary } from '../components/form/ErrorSummary.tsx'
import { Field } from '../components/form/Field.tsx'
import { PageHeading } from '../components/PageHeading.tsx'
import { ErrorMessage, isNotFound, Loading } from '../components/QueryState.tsx'
import { actionsAt } from '../lib/access.ts'
import { ApiFailure, useBoard, useMunicipality } from '../lib/api.ts'
import {
  type ImportProblem,
  importKindAccept,
  importKindLabels,
  importProblemsOf,
  importProblemText,
  rowCountText,
} from '../lib/economy.ts'
import {
  economyPaths,
  invalidateEconomy,
  previewImport,
  runImport,
  type TemplateFile,
  useEconomySend,
} from '../lib/economy-api.ts'
import { usePageTitle } from '../lib/page.ts'
import { useSession } from '../lib/session.ts'
import '../economy.css'
import { NotFoundPage } from './NotFoundPage.tsx'

const route = getRouteApi('/$code/$board/ekonomi/import')

const KINDS: readonly ImportKind[] = [
  'csv-drift',
  'xlsx-drift',
  'sie',
  'csv-investeringar',
  'xlsx-investeringar',
]

/** Importing a file of operating amounts or investments: choose, preview what changes, import. */
export function EconomyImportPage() {
  const { code, board: boardKey } = route.useParams()
  const search = route.useSearch()
  const board = useBoard(code, boardKey)
  const municipality = useMunicipality(code)
  const session = useSession()
  const user = session.data?.user ?? null
  const mayImport = actionsAt(user, { municipality: code, board: boardKey }).has('manage-cycle')

  usePageTitle(['Importera ekonomidata', board.data?.name, board.data?.municipality.name])

  if (board.isError && isNotFound(board.error)) return <NotFoundPage message={board.error.message} />

  return (
    <>
      <BoardBreadcrumbs code={code} boardKey={boardKey} board={board.data} current="Importera ekonomidata" />
      {board.isError ? <ErrorMessage error={board.error} onRetry={() => board.refetch()} /> : null}
      <PageHeading eyebrow={board.data ? `${board.data.municipality.name} · ${board.data.name}` : undefined}>
        Importera ekonomidata
      </PageHeading>
      <p>
        <Link
          to="/$code/$board/ekonomi"
          params={{ code, board: boardKey }}
          search={search.ar ? { ar: search.ar } : {}}
        >
          Tillbaka till ekonomin
        </Link>
      </p>
      {session.isPending ? <Loading what="inloggningen" /> : null}
      {session.isSuccess && !user ? <SignInPrompt what="importen" /> : null}
      {user && !mayImport ? (
        <div className="panel notice">
          <p>
            Du har inte behörighet att importera ekonomidata för nämnden. Det gör en controller eller
            administratör.
          </p>
        </div>
      ) : null}
      {user && mayImport ? (
        <ImportWorkflow
          code={code}
          board={boardKey}
          initialYear={search.ar ?? new Date().getFullYear()}
          municipality={municipality.data}
        />
      ) : null}
    </>
  )
}

type Stage =
  | { step: 'choose' }
  | { step: 'previewed'; preview: ImportPreview; bytes: ArrayBuffer }
  | { step: 'done'; result: ImportResult; year: number }

function ImportWorkflow({
  code,
  board,
  initialYear,
  municipality,
}: {
  code: string
  board: string
  initialYear: number
  municipality: MunicipalityDetail | undefined
}) {
  const send = useEconomySend()
  const client = useQueryClient()
  const [kind, setKind] = useState<ImportKind>('csv-drift')
  const [yearText, setYearText] = useState(String(initialYear))
  const [file, setFile] = useState<File | null>(null)
  const [stage, setStage] = useState<Stage>({ step: 'choose' })
  const [acceptNew, setAcceptNew] = useState(false)
  const [busy, setBusy] = useState<'preview' | 'import' | null>(null)
  const [fieldErrors, setFieldErrors] = useState<{ year?: string; file?: string }>({})
  const [problems, setProblems] = useState<{ title: string; items: ImportProblem[] } | null>(null)
  const summary = useRef<HTMLDivElement>(null)
  const previewHeading = useRef<HTMLHeadingElement>(null)
  const doneBox = useRef<HTMLDivElement>(null)
  const fileInput = useRef<HTMLInputElement>(null)
  // What takes focus once the next render is on screen: the preview, the result or the errors.
  const [focusNext, setFocusNext] = useState<'preview' | 'done' | 'summary' | null>(null)
  useEffect(() => {
    if (focusNext === null) return
    const target = { preview: previewHeading, done: doneBox, summary }[focusNext].current
    if (target) {
      target.focus()
      setFocusNext(null)
    }
  }, [focusNext])

  const year = Number(yearText.trim())
  const yearValid = /^\d{4}$/.test(yearText.trim()) && year >= 1990 && year <= 2100

  const reset = () => {
    setStage({ step: 'choose' })
    setProblems(null)
    setAcceptNew(false)
  }

  const showProblems = (title: string, items: ImportProblem[]) => {
    setProblems({ title, items })
    setFocusNext('summary')
  }

  /** With listed problems the server's message heads the list ("… 2 fel. Ingenting har sparats."). */
  const failureTitle = (error: unknown, fallback: string): string =>
    error instanceof ApiFailure && importProblemsOf(error.body).length > 0 ? error.message : fallback

  const failureItems = (error: unknown): ImportProblem[] => {
    if (error instanceof ApiFailure) {
      const listed = importProblemsOf(error.body)
      return listed.length > 0 ? listed : [{ line: null, column: null, message: error.message }]
    }
    return [{ line: null, column: null, message: 'Något gick fel. Försök igen.' }]
  }

  const preview = async () => {
    if (busy) return
    const errors: { year?: string; file?: string } = {}
    if (!yearValid) errors.year = 'Ange året med fyra siffror, till exempel 2024'
    if (!file) errors.file = 'Välj en fil att importera'
    setFieldErrors(errors)
    setStage({ step: 'choose' })
    if (errors.year || errors.file) {
      showProblems(
        'Något saknas',
        [errors.year, errors.file]
          .filter((m): m is string => Boolean(m))
          .map((message) => ({ line: null, column: null, message })),
      )
      return
    }
    if (!file) return
    setBusy('preview')
    setProblems(null)
    try {
      const bytes = await file.arrayBuffer()
      const result = await previewImport(send, code, board, { kind, year, fileName: file.name }, bytes)
      setAcceptNew(false)
      setStage({ step: 'previewed', preview: result, bytes })
      setFocusNext('preview')
    } catch (error) {
      showProblems(failureTitle(error, 'Filen kunde inte läsas in'), failureItems(error))
    } finally {
      setBusy(null)
    }
  }

  const doImport = async () => {
    if (busy || stage.step !== 'previewed' || !file) return
    const { preview: shown, bytes } = stage
    if (shown.unknownCostCentres.length > 0 && !acceptNew) return
    setBusy('import')
    setProblems(null)
    try {
      const result = await runImport(
        send,
        code,
        board,
        {
          kind: shown.kind,
          year: shown.year,
          fileName: shown.fileName,
          sha256: shown.sha256,
          acceptNewCostCentres: acceptNew,
        },
        bytes,
      )
      await invalidateEconomy(client, code, board)
      setStage({ step: 'done', result, year: shown.year })
      setFile(null)
      if (fileInput.current) fileInput.current.value = ''
      setFocusNext('done')
    } catch (error) {
      showProblems(failureTitle(error, 'Importen gjordes inte'), failureItems(error))
    } finally {
      setBusy(null)
    }
  }

  const templateYear = yearValid ? year : initialYear
  const previewed = stage.step === 'previewed' ? stage.preview : null
  const blocked = previewed !== null && previewed.unknownCostCentres.length > 0 && !acceptNew

  return (
    <>
      {problems ? (
        <ErrorSummary
          ref={summary}
          title={problems.title}
          items={problems.items.map((p) => ({
            fieldId:
              p.line === null && p.message === fieldErrors.year
                ? 'import-year'
                : p.line === null && p.message === fieldErrors.file
                  ? 'import-file'
                  : null,
            message: importProblemText(p),
          }))}
        />
      ) : null}

      {stage.step === 'done' ? (
        <div className="notice-box" role="status" tabIndex={-1} ref={doneBox}>
          <p>
            <strong>Importen är klar.</strong> {rowCountText(stage.result.rowCount)} importerades
            {stage.result.replaced ? ' och ersatte den tidigare importen' : ''}.
          </p>
          <p>
            <Link to="/$code/$board/ekonomi" params={{ code, board }} search={{ ar: stage.year }}>
              Visa ekonomin för {stage.year}
            </Link>
          </p>
        </div>
      ) : null}

      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void preview()
        }}
      >
        <fieldset className="field fieldset">
          <legend className="field__label">Vad innehåller filen?</legend>
          <div className="choices">
            {KINDS.map((k) => (
              <div key={k} className="choices__item">
                <input
                  type="radio"
                  id={`import-kind-${k}`}
                  name="import-kind"
                  value={k}
                  checked={kind === k}
                  onChange={() => {
                    setKind(k)
                    reset()
                  }}
                />
                <label htmlFor={`import-kind-${k}`}>{importKindLabels[k]}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <Field id="import-year" label="År" hint="Året som beloppen gäller." error={fieldErrors.year}>
          {(control) => (
            <input
              {...control}
              className="input input--year"
              inputMode="numeric"
              autoComplete="off"
              value={yearText}
              onChange={(event) => {
                setYearText(event.target.value)
                reset()
              }}
            />
          )}
        </Field>
        <Field
          id="import-file"
          label="Fil"
          hint={
            kind === 'sie'
              ? 'En SIE-fil (typ 4) med verifikationer eller saldon från ekonomisystemet.'
              : 'En fil gjord från mallen nedan. Beloppen anges i hela kronor.'
          }
          error={fieldErrors.file}
        >
          {(control) => (
            <input
              {...control}
              ref={fileInput}
              type="file"
              className="input input--file"
              accept={importKindAccept[kind]}
              onChange={(event) => {
                const chosen = event.target.files?.[0] ?? null
                setFile(chosen)
                reset()
              }}
            />
          )}
        </Field>
        <div className="form__actions">
          <button type="submit" className="button button--primary" aria-disabled={busy !== null || undefined}>
            Förhandsgranska
          </button>
          <p role="status" className="save-status">
            {busy === 'preview' ? 'Läser filen …' : busy === 'import' ? 'Importerar …' : ''}
          </p>
        </div>
      </form>

      {previewed ? (
        <section aria-labelledby="preview-heading" className="panel import-preview">
          <h2 id="preview-heading" tabIndex={-1} ref={previewHeading}>
            Förhandsgranskning
          </h2>
          <ImportPreviewView preview={previewed} municipality={municipality} />
          {previewed.unknownCostCentres.length > 0 ? (
            <div className="field">
              <div className="choices__item checkbox">
                <input
                  type="checkbox"
                  id="import-accept-new"
                  checked={acceptNew}
                  onChange={(event) => setAcceptNew(event.target.checked)}
                  aria-describedby="import-accept-new-hint"
                />
                <label htmlFor="import-accept-new">
                  Lägg till okända ansvar som nya (kopplas till enhet senare)
                </label>
              </div>
              <p id="import-accept-new-hint" className="field__hint">
                Utan det kan filen inte importeras: alla ansvar i filen måste vara kända.
              </p>
            </div>
          ) : null}
          <div className="form__actions">
            <button
              type="button"
              className="button button--primary"
              disabled={blocked}
              aria-disabled={busy !== null || undefined}
              aria-describedby={blocked ? 'import-blocked' : undefined}
              onClick={() => void doImport()}
            >
              Importera
            </button>
            <button type="button" className="button button--quiet" onClick={reset}>
              Avbryt
            </button>
          </div>
          {blocked ? (
            <p id="import-blocked" className="field__hint">
              Kryssa i att okända ansvar ska läggas till för att kunna importera.
            </p>
          ) : null}
        </section>
      ) : stage.step === 'choose' ? (
        <p className="muted">Förhandsgranska filen först. Ingenting ändras förrän du väljer Importera.</p>
      ) : null}

      <section aria-labelledby="templates-heading">
        <h2 id="templates-heading">Mallar</h2>
        <p>
          Mallarna har kolumnerna som importen läser, förifyllda med nämndens ansvar för {templateYear}. Fyll
          i beloppen i hela kronor och spara filen i samma format.
        </p>
        <div className="template-lists">
          <TemplateLinks
            code={code}
            board={board}
            year={templateYear}
            what="drift"
            title="Driftredovisning"
          />
          <TemplateLinks
            code={code}
            board={board}
            year={templateYear}
            what="investeringar"
            title="Investeringar"
          />
        </div>
      </section>
    </>
  )
}

function TemplateLinks({
  code,
  board,
  year,
  what,
  title,
}: {
  code: string
  board: string
  year: number
  what: 'drift' | 'investeringar'
  title: string
}) {
  const files: { file: TemplateFile; label: string }[] = [
    { file: `${what}.xlsx`, label: 'Ladda ned mall (Excel)' },
    { file: `${what}.csv`, label: 'Ladda ned mall (CSV)' },
  ]
  return (
    <div>
      <h3>{title}</h3>
      <ul className="link-list">
        {files.map(({ file, label }) => (
          <li key={file}>
            <a href={economyPaths.template(code, board, file, year)} download>
              {label}
              <span className="visually-hidden"> för {title.toLowerCase()}</span>
            </a>
          </li>
        ))}
      </ul>
    </div>
  )
}
