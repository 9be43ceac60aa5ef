import { getRouteApi, Link, useRouter } from '@tanstack/react-router'
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { ErrorSummary, type SummaryItem } from '../components/form/ErrorSummary.tsx'
import { Field } from '../components/form/Field.tsx'
import { PageHeading } from '../components/PageHeading.tsx'
import { safeReturnPath } from '../lib/access.ts'
import { ApiFailure } from '../lib/api.ts'
import { usePageTitle } from '../lib/page.ts'
import { useLogin, useSession } from '../lib/session.ts'

const route = getRouteApi('/logga-in')

const EMAIL = 'login-email'
const PASSWORD = 'login-password'
const FORM_ERROR = 'login-error'

interface Errors {
  email?: string
  password?: string
  /** A refusal that concerns both fields ("Fel e-postadress eller lösenord."). */
  form?: string
}

export function SignInPage() {
  const search = route.useSearch()
  const router = useRouter()
  const session = useSession()
  const login = useLogin()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [errors, setErrors] = useState<Errors>({})
  const [attempt, setAttempt] = useState(0)
  const summary = useRef<HTMLDivElement>(null)
  const returnTo = safeReturnPath(search.tillbaka)

  usePageTitle(['Logga in'])

  // Once the errors are on screen, focus moves to them: read out, with the fields a Tab away.
  useEffect(() => {
    if (attempt > 0) summary.current?.focus()
  }, [attempt])

  const showErrors = (next: Errors) => {
    setErrors(next)
    setAttempt((n) => n + 1)
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (login.isPending) return
    const next: Errors = {}
    if (!email.trim()) next.email = 'Ange din e-postadress.'
    else if (!email.includes('@')) next.email = 'Ange en e-postadress med @, till exempel namn@kommun.se.'
    if (!password) next.password = 'Ange ditt lösenord.'
    if (next.email || next.password) return showErrors(next)
    setErrors({})
    login.mutate(
      { email: email.trim(), password },
      {
        onSuccess: () => {
          void router.history.push(returnTo)
        },
        onError: (error) => {
          setPassword('')
          showErrors({
            form:
              error instanceof ApiFailure
                ? error.message
                : 'Inloggningen misslyckades. Försök igen om en stund.',
          })
        },
      },
    )
  }

  const user = session.data?.user
  const items: SummaryItem[] = [
    ...(errors.email ? [{ fieldId: EMAIL, message: errors.email }] : []),
    ...(errors.password ? [{ fieldId: PASSWORD, message: errors.password }] : []),
  ]

  return (
    <div className="narrow">
      <PageHeading>Logga in</PageHeading>
      {user && !login.isSuccess ? (
        <div className="panel notice">
          <p>Du är redan inloggad som {user.name}.</p>
          <p>
            <Link to={returnTo}>Fortsätt</Link>
          </p>
        </div>
      ) : null}
      <p>Logga in med ditt konto i Årshjul för att rapportera, granska och godkänna uppföljningar.</p>
      {items.length > 0 ? (
        <ErrorSummary ref={summary} title="Det gick inte att logga in" items={items} />
      ) : null}
      {errors.form ? (
        <div className="alert" role="alert" tabIndex={-1} ref={summary}>
          <p id={FORM_ERROR}>{errors.form}</p>
        </div>
      ) : null}
      <form className="form" noValidate onSubmit={submit}>
        <Field
          id={EMAIL}
          label="E-postadress"
          error={errors.email}
          invalidBy={errors.form ? FORM_ERROR : undefined}
        >
          {(control) => (
            <input
              {...control}
              className="input"
              type="email"
              name="email"
              autoComplete="username"
              spellCheck={false}
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <Field
          id={PASSWORD}
          label="Lösenord"
          error={errors.password}
          invalidBy={errors.form ? FORM_ERROR : undefined}
        >
          {(control) => (
            <input
              {...control}
              className="input"
              type="password"
              name="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <div className="form__actions">
          <button
            type="submit"
            className="button button--primary"
            aria-disabled={login.isPending || undefined}
          >
            {login.isPending ? 'Loggar in …' : 'Logga in'}
          </button>
        </div>
      </form>
    </div>
  )
}
