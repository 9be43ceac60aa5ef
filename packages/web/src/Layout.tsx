import { Link, Outlet, useRouter } from '@tanstack/react-router'
import { useEffect } from 'react'
import { Account } from './components/Account.tsx'
import { requestHeadingFocus } from './lib/page.ts'

/** The frame of every page: skip link, header, main content and footer. */
export function Layout() {
  const router = useRouter()

  useEffect(
    () =>
      // Once another page has rendered (not on the first load, nor when only a filter changed),
      // focus moves to its heading.
      router.subscribe('onRendered', (event) => {
        if (event.fromLocation && event.pathChanged) requestHeadingFocus()
      }),
    [router],
  )

  return (
    <>
      <a className="skip-link" href="#main">
        Hoppa till huvudinnehållet
      </a>
      <header className="site-header">
        <div className="container site-header__inner">
          <Link to="/" className="brand">
            <span className="brand__mark" aria-hidden="true" />
            Årshjul
          </Link>
          <nav aria-label="Huvudmeny" className="site-nav">
            <ul>
              <li>
                <Link to="/" activeOptions={{ exact: true }} activeProps={{ 'aria-current': 'page' }}>
                  Kommuner
                </Link>
              </li>
              <li>
                <Link to="/tillganglighet" activeProps={{ 'aria-current': 'page' }}>
                  Tillgänglighet
                </Link>
              </li>
            </ul>
          </nav>
          <Account />
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <div className="container">
          <Outlet />
        </div>
      </main>
      <footer className="site-footer">
        <div className="container site-footer__inner">
          <p>Årshjul – öppen programvara för planering och uppföljning i kommuner.</p>
          <p>
            <Link to="/tillganglighet">Tillgänglighetsredogörelse</Link>
          </p>
        </div>
      </footer>
    </>
  )
}
