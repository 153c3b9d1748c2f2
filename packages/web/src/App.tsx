// Who is logged in decides the page: the login form, or the app frame with the area of the URL.
import { lazy, Suspense, useEffect } from 'react';
import type { Me } from './api/types.ts';
import { areaFor } from './areas.tsx';
import { AppFrame } from './components/AppFrame.tsx';
import { EmptyState, Loading } from './components/StatusViews.tsx';
import { LoginPage } from './pages/login/LoginPage.tsx';
import { PlannedAreaPage } from './pages/placeholder/PlannedAreaPage.tsx';
import { navigate, useLocation } from './router.ts';
import { useSession } from './session/useSession.ts';

// Pages load on demand: the login screen does not wait for the charts.
const HomePage = lazy(() => import('./pages/home/HomePage.tsx').then((page) => ({ default: page.HomePage })));
const PipelinePage = lazy(() =>
  import('./pages/pipeline/PipelinePage.tsx').then((page) => ({ default: page.PipelinePage })),
);
const ForecastPage = lazy(() =>
  import('./pages/forecast/ForecastPage.tsx').then((page) => ({ default: page.ForecastPage })),
);
const TerritoryPage = lazy(() =>
  import('./pages/territory/TerritoryPage.tsx').then((page) => ({ default: page.TerritoryPage })),
);
const CompPage = lazy(() => import('./pages/comp/CompPage.tsx').then((page) => ({ default: page.CompPage })));
const DataPage = lazy(() => import('./pages/data/DataPage.tsx').then((page) => ({ default: page.DataPage })));
const PlansPage = lazy(() => import('./pages/comp/plans/PlansPage.tsx').then((page) => ({ default: page.PlansPage })));
const EstimatorPage = lazy(() =>
  import('./pages/comp/estimator/EstimatorPage.tsx').then((page) => ({ default: page.EstimatorPage })),
);

export function App() {
  const { session, logIn, logOut } = useSession();
  const { path, search } = useLocation();

  useEffect(() => {
    if (session.state === 'out' && path !== '/login') {
      const next = path === '/' ? '' : `?next=${encodeURIComponent(path + search)}`;
      navigate(`/login${next}`, { replace: true });
    }
    if (session.state === 'in' && path === '/login') {
      const next = new URLSearchParams(search).get('next');
      navigate(next?.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true });
    }
  }, [session.state, path, search]);

  async function logOutToLogin() {
    await logOut();
    navigate('/login', { replace: true });
  }

  if (session.state === 'checking') return <Loading label="Starting Attain…" />;
  if (session.state === 'out') {
    return <LoginPage onLogIn={logIn} notice={session.problem} />;
  }

  return (
    <AppFrame me={session.me} path={path} onLogOut={logOutToLogin}>
      <Suspense fallback={<Loading />}>
        <AreaPage path={path} search={search} me={session.me} />
      </Suspense>
    </AppFrame>
  );
}

function AreaPage({ path, search, me }: { path: string; search: string; me: Me }) {
  if (path === '/' || path === '/login') return <HomePage />;
  if (path === '/pipeline') return <PipelinePage />;
  if (path === '/forecast') return <ForecastPage me={me} />;
  if (path === '/territories' || path.startsWith('/territories/')) {
    return <TerritoryPage me={me} path={path} search={search} />;
  }
  if ((path === '/comp' || path.startsWith('/comp/')) && !isCompPlanningPath(path)) {
    return <CompPage me={me} path={path} search={search} />;
  }
  if (path === '/data' || path.startsWith('/data/')) return <DataPage me={me} path={path} search={search} />;
  if (path === '/comp/plans') return <PlansPage me={me} />;
  if (path === '/comp/estimator') return <EstimatorPage me={me} />;
  const area = areaFor(path);
  if (area) return <PlannedAreaPage area={area} />;
  return <EmptyState title="Page not found">There is no page at {path}. Pick an area on the left.</EmptyState>;
}

/** Plans and the estimator are pages of their own; the rest of /comp is the CompPage shell. */
function isCompPlanningPath(path: string): boolean {
  return ['/comp/plans', '/comp/estimator'].some((page) => path === page || path.startsWith(`${page}/`));
}
