import { Link, useRouterState } from '@tanstack/react-router'
import { requestHeadingFocus } from '../lib/page.ts'
import { useLogout, useSession } from '../lib/session.ts'

/** The current page, to come back to after signing in. */
export function useReturnPath(): string {
  return useRouterState({ select: (s) => s.location.href })
}

/** The header's account area: the signed-in user with "Logga ut", or "Logga in". */
export function Account() {
  const session = useSession()
  const logout = useLogout()
  const here = useReturnPath()
  const user = session.data?.user
  if (session.isPending) return null
  if (!user) {
    if (here.startsWith('/logga-in')) return null
    return (
      <div className="account">
        <Link to="/logga-in" search={{ tillbaka: here }} className="account__link">
          Logga in
        </Link>
      </div>
    )
  }
  return (
    <div className="account">
      <span className="account__name">
        <span className="visually-hidden">Inloggad som </span>
        {user.name}
      </span>
      <button
        type="button"
        className="button button--small"
        // The button disappears once signed out; focus goes to the page's heading instead of being lost.
        onClick={() => logout.mutate(undefined, { onSettled: () => requestHeadingFocus() })}
        aria-disabled={logout.isPending || undefined}
      >
        Logga ut
      </button>
    </div>
  )
}

/** Shown instead of a page's content when it needs a signed-in user. */
export function SignInPrompt({ what }: { what: string }) {
  const here = useReturnPath()
  return (
    <div className="panel notice">
      <p>Du behöver logga in för att se {what}.</p>
      <p>
        <Link to="/logga-in" search={{ tillbaka: here }} className="button button--primary">
          Logga in
        </Link>
      </p>
    </div>
  )
}
