import { AssignmentStatus } from '@arshjul/domain'
import { createRootRoute, createRoute, createRouter, lazyRouteComponent } from '@tanstack/react-router'
import { Layout } from './Layout.tsx'
import { AccessibilityPage } from './pages/AccessibilityPage.tsx'
import { AssignmentsPage } from './pages/AssignmentsPage.tsx'
import { BoardPage } from './pages/BoardPage.tsx'
import { GoalPage } from './pages/GoalPage.tsx'
import { MunicipalityPage } from './pages/MunicipalityPage.tsx'
import { NotFoundPage } from './pages/NotFoundPage.tsx'
import { PartPage } from './pages/PartPage.tsx'
import { ReviewPage } from './pages/ReviewPage.tsx'
import { SignInPage } from './pages/SignInPage.tsx'
import { StartPage } from './pages/StartPage.tsx'
import { TasksPage } from './pages/TasksPage.tsx'

const rootRoute = createRootRoute({ component: Layout, notFoundComponent: () => <NotFoundPage /> })

const startRoute = createRoute({ getParentRoute: () => rootRoute, path: '/', component: StartPage })

const accessibilityRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'tillganglighet',
  component: AccessibilityPage,
})

const municipalityRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '$code',
  component: MunicipalityPage,
})

export interface BoardSearch {
  /** The follow-up shown; the newest one with assessments when absent. */
  uppfoljning?: string
}

const boardRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '$code/$board',
  component: BoardPage,
  validateSearch: (search: Record<string, unknown>): BoardSearch =>
    typeof search.uppfoljning === 'string' && search.uppfoljning ? { uppfoljning: search.uppfoljning } : {},
})

const goalRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '$code/$board/mal/$goal',
  component: GoalPage,
})

export interface AssignmentsSearch {
  ar?: number
  status?: AssignmentStatus
}

const assignmentsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '$code/$board/uppdrag',
  component: AssignmentsPage,
  validateSearch: (search: Record<string, unknown>): AssignmentsSearch => {
    const result: AssignmentsSearch = {}
    const year = Number(search.ar)
    if (Number.isInteger(year) && year >= 1990 && year <= 2100) result.ar = year
    const status = AssignmentStatus.safeParse(search.status)
    if (status.success) result.status = status.data
    return result
  },
})

export interface SignInSearch {
  /** The page to return to after signing in (a path on this site). */
  tillbaka?: string
}

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'logga-in',
  component: SignInPage,
  validateSearch: (search: Record<string, unknown>): SignInSearch =>
    typeof search.tillbaka === 'string' && search.tillbaka ? { tillbaka: search.tillbaka } : {},
})

const tasksRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '$code/$board/uppgifter',
  component: TasksPage,
  validateSearch: (search: Record<string, unknown>): BoardSearch =>
    typeof search.uppfoljning === 'string' && search.uppfoljning ? { uppfoljning: search.uppfoljning } : {},
})

const partRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '$code/$board/uppfoljning/$followUp/del/$partId',
  component: PartPage,
})

const reviewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '$code/$board/uppfoljning/$followUp/granskning',
  component: ReviewPage,
})

const validYear = (value: unknown): number | undefined => {
  const year = Number(value)
  return Number.isInteger(year) && year >= 1990 && year <= 2100 ? year : undefined
}

export interface EconomySearch {
  /** The year shown; the latest year with data when absent. */
  ar?: number
  /** The last month of the period (1–12); the whole year when absent. */
  manad?: number
  /** The follow-up whose forecasts and comments are shown. */
  uppfoljning?: string
  /** "dagens": restated to today's organisation; as reported when absent. */
  struktur?: 'dagens'
}

const economyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '$code/$board/ekonomi',
  // The economy pages are a chunk of their own, loaded when first opened.
  component: lazyRouteComponent(() => import('./pages/EconomyPage.tsx'), 'EconomyPage'),
  validateSearch: (search: Record<string, unknown>): EconomySearch => {
    const result: EconomySearch = {}
    const year = validYear(search.ar)
    if (year !== undefined) result.ar = year
    const month = Number(search.manad)
    if (Number.isInteger(month) && month >= 1 && month <= 12) result.manad = month
    if (typeof search.uppfoljning === 'string' && search.uppfoljning) result.uppfoljning = search.uppfoljning
    if (search.struktur === 'dagens') result.struktur = 'dagens'
    return result
  },
})

export interface EconomyImportSearch {
  /** The year the import is for. */
  ar?: number
}

const economyImportRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '$code/$board/ekonomi/import',
  component: lazyRouteComponent(() => import('./pages/EconomyImportPage.tsx'), 'EconomyImportPage'),
  validateSearch: (search: Record<string, unknown>): EconomyImportSearch => {
    const year = validYear(search.ar)
    return year === undefined ? {} : { ar: year }
  },
})

export interface PersonnelSearch {
  /** The unit, administration or "kommunen" shown; the board's first administration when absent. */
  enhet?: string
}

const personnelRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '$code/$board/personal',
  // The personnel and internal-control pages are a chunk of their own, like the economy's.
  component: lazyRouteComponent(() => import('./pages/PersonnelPage.tsx'), 'PersonnelPage'),
  validateSearch: (search: Record<string, unknown>): PersonnelSearch =>
    typeof search.enhet === 'string' && /^[a-z0-9][a-z0-9-]{0,119}$/.test(search.enhet)
      ? { enhet: search.enhet }
      : {},
})

export interface PersonnelImportSearch {
  /** The year the import is for. */
  ar?: number
}

const personnelImportRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '$code/$board/personal/import',
  component: lazyRouteComponent(() => import('./pages/PersonnelImportPage.tsx'), 'PersonnelImportPage'),
  validateSearch: (search: Record<string, unknown>): PersonnelImportSearch => {
    const year = validYear(search.ar)
    return year === undefined ? {} : { ar: year }
  },
})

export interface InternalControlSearch {
  /** The year shown; the latest year with internal control when absent. */
  ar?: number
  /** The follow-up whose follow-ups of the controls and overall assessment are shown. */
  uppfoljning?: string
}

const internalControlRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '$code/$board/intern-kontroll',
  component: lazyRouteComponent(() => import('./pages/InternalControlPage.tsx'), 'InternalControlPage'),
  validateSearch: (search: Record<string, unknown>): InternalControlSearch => {
    const result: InternalControlSearch = {}
    const year = validYear(search.ar)
    if (year !== undefined) result.ar = year
    if (typeof search.uppfoljning === 'string' && search.uppfoljning) result.uppfoljning = search.uppfoljning
    return result
  },
})

export interface ReportsSearch {
  /** The follow-up whose document is shown; the newest decided one when absent. */
  uppfoljning?: string
}

const reportsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '$code/$board/dokument',
  // Documents are a chunk of their own, like the economy and personnel pages.
  component: lazyRouteComponent(() => import('./pages/ReportsPage.tsx'), 'ReportsPage'),
  validateSearch: (search: Record<string, unknown>): ReportsSearch =>
    typeof search.uppfoljning === 'string' && search.uppfoljning ? { uppfoljning: search.uppfoljning } : {},
})

const routeTree = rootRoute.addChildren([
  startRoute,
  accessibilityRoute,
  municipalityRoute,
  boardRoute,
  goalRoute,
  assignmentsRoute,
  signInRoute,
  tasksRoute,
  partRoute,
  reviewRoute,
  economyRoute,
  economyImportRoute,
  personnelRoute,
  personnelImportRoute,
  internalControlRoute,
  reportsRoute,
])

export const router = createRouter({
  routeTree,
  defaultNotFoundComponent: () => <NotFoundPage />,
  scrollRestoration: true,
})

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router
  }
}
