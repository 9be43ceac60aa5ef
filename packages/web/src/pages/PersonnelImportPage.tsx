import type { PersonnelImportPreview } from '@arshjul/domain'
import { useQueryClient } from '@tanstack/react-query'
import { getRouteApi, Link } from '@tanstack/react-router'
import { useEffect, useRef, useState } from 'react'
import { SignInPrompt } from '../components/Account.tsx'
import { BoardBreadcrumbs } from '../components/BoardBreadcrumbs.tsx'
import { ErrorSummary } from '../components/form/ErrorSummary.tsx'
import { Field } from '../components/form/Field.tsx'
import { PageHeading } from '../components/PageHeading.tsx'
import { PersonnelImportPreviewView } from '../components/personnel/PersonnelImportPreviewView.tsx'
import { ErrorMessage, isNotFound, Loading } from '../components/QueryState.tsx'
import { ApiFailure, useBoard } from '../lib/api.ts'
import { type ImportProblem, importProblemsOf, importProblemText, rowCountText } from '../lib/economy.ts'
import { useEconomySend } from '../lib/economy-api.ts'
import { usePageTitle } from '../lib/page.ts'
import { mayImportPersonnel } from '../lib/personnel.ts'
import {
  invalidatePersonnel,
  type PersonnelImportKind,
  personnelPaths,
  previewPersonnelImport,
  runPersonnelImport,
} from '../lib/personnel-api.ts'
import { useSession } from '../lib/session.ts'
import '../personnel.css'
import { NotFoundPage } from './NotFoundPage.tsx'

const route = getRouteApi('/$code/$board/personal/import')

const KINDS: readonly { kind: PersonnelImportKind; label: string; accept: string }[] = [
  { kind: 'csv', label: 'CSV-fil enligt mallen', accept: '.csv,text/csv' },
  {
    kind: 'xlsx',
    label: 'Excel-fil enligt mallen',
    accept: '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
]

/** Importing personnel figures from an HR export: choose, preview what is loaded, import. */
export function PersonnelImportPage() {
  const { code, board: boardKey } = route.useParams()
  const search = route.useSearch()
  const board = useBoard(code, boardKey)
  const session = useSession()
  const user = session.data?.user ?? null
  const mayImport = mayImportPersonnel(user, code)

  usePageTitle(['Importera personaldata', board.data?.name, board.data?.municipality.name])

  if (board.isError && isNotFound(board.error)) return <NotFoundPage message={board.error.message} />

  return (
    <>
      <BoardBreadcrumbs code={code} boardKey={boardKey} board={board.data} current="Importera personaldata" />
      {board.isError ? <ErrorMessage error={board.error} onRetry={() => board.refetch()} /> : null}
      <PageHeading eyebrow={board.data ? `${board.data.municipality.name} · ${board.data.name}` : undefined}>
        Importera personaldata
      </PageHeading>
      <p>
        <Link to="/$code/$board/personal" params={{ code, board: boardKey }}>
          Tillbaka till personalen
        </Link>
      </p>
      {session.isPending ? <Loading what="inloggningen" /> : null}
      {session.isSuccess && !user ? <SignInPrompt what="importen" /> : null}
      {user && !mayImport ? (
        <div className="panel notice">
          <p>
            Du har inte behörighet att importera personaldata. En fil från personalsystemet gäller hela
            kommunen och importeras av en administratör eller controller med behörighet för kommunen.
          </p>
        </div>
      ) : null}
      {user && mayImport ? (
        <ImportWorkflow
          code={code}
          board={boardKey}
          initialYear={search.ar ?? new Date().getFullYear() - 1}
        />
      ) : null}
    </>
  )
}

type Stage =
  | { step: 'choose' }
  | { step: 'previewed'; preview: PersonnelImportPreview; kind: PersonnelImportKind; bytes: ArrayBuffer }
  | { step: 'done'; rowCount: number; replaced: boolean; year: number }

function ImportWorkflow({ code, board, initialYear }: { code: string; board: string; initialYear: number }) {
  const send = useEconomySend()
  const client = useQueryClient()
  const [kind, setKind] = useState<PersonnelImportKind>('csv')
  const [yearText, setYearText] = useState(String(initialYear))
  const [file, setFile] = useState<File | null>(null)
  const [stage, setStage] = useState<Stage>({ step: 'choose' })
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
  const accept = KINDS.find((k) => k.kind === kind)?.accept

  const reset = () => {
    setStage({ step: 'choose' })
    setProblems(null)
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
      if (listed.length > 0) return listed
      if (error.status === 404)
        return [{ line: null, column: null, message: 'Importen av personaldata finns inte på servern ännu.' }]
      return [{ line: null, column: null, message: error.message }]
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
      const result = await previewPersonnelImport(send, code, { kind, year, fileName: file.name }, bytes)
      setStage({ step: 'previewed', preview: result, kind, bytes })
      setFocusNext('preview')
    } catch (error) {
      showProblems(failureTitle(error, 'Filen kunde inte läsas in'), failureItems(error))
    } finally {
      setBusy(null)
    }
  }

  const doImport = async () => {
    if (busy || stage.step !== 'previewed') return
    const { preview: shown, bytes, kind: shownKind } = stage
    setBusy('import')
    setProblems(null)
    try {
      const result = await runPersonnelImport(
        send,
        code,
        { kind: shownKind, year: shown.year, fileName: shown.fileName, sha256: shown.sha256 },
        bytes,
      )
      await invalidatePersonnel(client, code)
      setStage({ step: 'done', rowCount: result.rowCount, replaced: result.replaced, year: shown.year })
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
            <strong>Importen är klar.</strong> {rowCountText(stage.rowCount)} importerades
            {stage.replaced ? ' och ersatte den tidigare importen' : ''}.
          </p>
          <p>
            <Link to="/$code/$board/personal" params={{ code, board }}>
              Visa personalen
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
          <legend className="field__label">Vilken sorts fil?</legend>
          <div className="choices">
            {KINDS.map((k) => (
              <div key={k.kind} className="choices__item">
                <input
                  type="radio"
                  id={`import-kind-${k.kind}`}
                  name="import-kind"
                  value={k.kind}
                  checked={kind === k.kind}
                  onChange={() => {
                    setKind(k.kind)
                    reset()
                  }}
                />
                <label htmlFor={`import-kind-${k.kind}`}>{k.label}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <Field
          id="import-year"
          label="År"
          hint="Året som nyckeltalen gäller. En ny import för samma år ersätter den förra."
          error={fieldErrors.year}
        >
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
          hint="En export från personalsystemet gjord efter mallen nedan: en rad per enhet, mått och grupp."
          error={fieldErrors.file}
        >
          {(control) => (
            <input
              {...control}
              ref={fileInput}
              type="file"
              className="input input--file"
              accept={accept}
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null)
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
          <PersonnelImportPreviewView preview={previewed} />
          <div className="form__actions">
            <button
              type="button"
              className="button button--primary"
              aria-disabled={busy !== null || undefined}
              onClick={() => void doImport()}
            >
              Importera
            </button>
            <button type="button" className="button button--quiet" onClick={reset}>
              Avbryt
            </button>
          </div>
        </section>
      ) : stage.step === 'choose' ? (
        <p className="muted">Förhandsgranska filen först. Ingenting ändras förrän du väljer Importera.</p>
      ) : null}

      <section aria-labelledby="templates-heading">
        <h2 id="templates-heading">Mallar</h2>
        <p>
          Mallarna har kolumnerna som importen läser (Enhet, År, Period, Mått, Anställningsform, Kön,
          Åldersgrupp, Sjukdagar, Täljare, Nämnare och Värde), förifyllda med kommunens enheter för{' '}
          {templateYear}. För andelar anges helst täljare och nämnare, så räknas värdet ut. Spara filen i
          samma format.
        </p>
        <ul className="link-list">
          <li>
            <a href={personnelPaths.template(code, 'template.xlsx', templateYear)} download>
              Ladda ned mall (Excel)
              <span className="visually-hidden"> för personaldata</span>
            </a>
          </li>
          <li>
            <a href={personnelPaths.template(code, 'template.csv', templateYear)} download>
              Ladda ned mall (CSV)
              <span className="visually-hidden"> för personaldata</span>
            </a>
          </li>
        </ul>
      </section>
    </>
  )
}
