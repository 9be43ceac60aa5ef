import { Link } from '@tanstack/react-router'

/** The board's own pages. */
export function BoardNav({ code, board }: { code: string; board: string }) {
  return (
    <nav aria-label="Nämndens sidor" className="tabs">
      <ul>
        <li>
          <Link
            to="/$code/$board"
            params={{ code, board }}
            activeOptions={{ exact: true, includeSearch: false }}
            activeProps={{ 'aria-current': 'page' }}
          >
            Mål och bedömningar
          </Link>
        </li>
        <li>
          <Link to="/$code/$board/uppdrag" params={{ code, board }} activeProps={{ 'aria-current': 'page' }}>
            Uppdrag
          </Link>
        </li>
        <li>
          <Link
            to="/$code/$board/ekonomi"
            params={{ code, board }}
            activeOptions={{ includeSearch: false }}
            activeProps={{ 'aria-current': 'page' }}
          >
            Ekonomi
          </Link>
        </li>
        <li>
          <Link
            to="/$code/$board/personal"
            params={{ code, board }}
            activeOptions={{ includeSearch: false }}
            activeProps={{ 'aria-current': 'page' }}
          >
            Personal
          </Link>
        </li>
        <li>
          <Link
            to="/$code/$board/intern-kontroll"
            params={{ code, board }}
            activeOptions={{ includeSearch: false }}
            activeProps={{ 'aria-current': 'page' }}
          >
            Intern kontroll
          </Link>
        </li>
        <li>
          <Link
            to="/$code/$board/dokument"
            params={{ code, board }}
            activeOptions={{ includeSearch: false }}
            activeProps={{ 'aria-current': 'page' }}
          >
            Dokument
          </Link>
        </li>
        <li>
          <Link
            to="/$code/$board/uppgifter"
            params={{ code, board }}
            activeOptions={{ includeSearch: false }}
            activeProps={{ 'aria-current': 'page' }}
          >
            Mina uppgifter
          </Link>
        </li>
      </ul>
    </nav>
  )
}
