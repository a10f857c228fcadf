import { Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { Loading } from './components/Feedback';
import { RequireAuth } from './features/auth/RequireAuth';
import { AppShell } from './features/shell/AppShell';
import { lazyPage } from './lazy-page';

// Each page is its own chunk, fetched the first time it is opened (AppShell shows a status
// meanwhile); the shell, sign-in check and API client are in the initial bundle.
const LoginPage = lazyPage(() => import('./features/auth/LoginPage'), 'LoginPage');
const AcceptInvitationPage = lazyPage(
  () => import('./features/invitations/AcceptInvitationPage'),
  'AcceptInvitationPage',
);
const SponsorPage = lazyPage(() => import('./features/sponsor/SponsorPage'), 'SponsorPage');
const UnsubscribePage = lazyPage(
  () => import('./features/notifications/UnsubscribePage'),
  'UnsubscribePage',
);

/** A page anyone may open, signed in or not, outside the shell. */
function PublicPage({ Page }: { Page: ReturnType<typeof lazyPage> }) {
  return (
    <Suspense
      fallback={
        <div className="page-center">
          <Loading />
        </div>
      }
    >
      <Page />
    </Suspense>
  );
}

/** The signed-in pages, inside the shell, by path (the last one for every other path). */
const SHELL_PAGES: readonly { path: string; Page: ReturnType<typeof lazyPage> }[] = [
  {
    path: 'portfolio',
    Page: lazyPage(() => import('./features/portfolio/PortfolioPage'), 'PortfolioPage'),
  },
  {
    path: 'projects',
    Page: lazyPage(() => import('./features/projects/ProjectsPage'), 'ProjectsPage'),
  },
  {
    path: 'projects/:projectId',
    Page: lazyPage(() => import('./features/project/ProjectPage'), 'ProjectPage'),
  },
  {
    path: 'projects/:projectId/sprints',
    Page: lazyPage(() => import('./features/sprints/SprintsPage'), 'SprintsPage'),
  },
  {
    path: 'projects/:projectId/sprints/:sprintId',
    Page: lazyPage(() => import('./features/sprints/SprintBoardPage'), 'SprintBoardPage'),
  },
  {
    path: 'projects/:projectId/sprints/:sprintId/review',
    Page: lazyPage(() => import('./features/review/SprintReviewPage'), 'SprintReviewPage'),
  },
  {
    path: 'projects/:projectId/delivery',
    Page: lazyPage(() => import('./features/delivery/DeliveryPage'), 'DeliveryPage'),
  },
  {
    path: 'projects/:projectId/runs',
    Page: lazyPage(() => import('./features/runs/RunsPage'), 'RunsPage'),
  },
  {
    path: 'projects/:projectId/runs/:runId',
    Page: lazyPage(() => import('./features/runs/RunDetailPage'), 'RunDetailPage'),
  },
  {
    path: 'projects/:projectId/backlog',
    Page: lazyPage(() => import('./features/backlog/BacklogPage'), 'BacklogPage'),
  },
  {
    path: 'projects/:projectId/deployments',
    Page: lazyPage(() => import('./features/deployments/DeploymentsPage'), 'DeploymentsPage'),
  },
  {
    path: 'projects/:projectId/insights',
    Page: lazyPage(() => import('./features/insights/InsightsPage'), 'InsightsPage'),
  },
  {
    path: 'projects/:projectId/roi',
    Page: lazyPage(() => import('./features/roi/RoiPage'), 'RoiPage'),
  },
  {
    path: 'projects/:projectId/production',
    Page: lazyPage(() => import('./features/production/ProductionPage'), 'ProductionPage'),
  },
  {
    path: 'projects/:projectId/production/list',
    Page: lazyPage(() => import('./features/operator-list/OperatorListPage'), 'OperatorListPage'),
  },
  {
    path: 'projects/:projectId/notifications',
    Page: lazyPage(
      () => import('./features/notifications/ProjectNotificationsPage'),
      'ProjectNotificationsPage',
    ),
  },
  {
    path: 'artifacts',
    Page: lazyPage(() => import('./features/artifacts/ArtifactsPage'), 'ArtifactsPage'),
  },
  { path: 'teams', Page: lazyPage(() => import('./features/teams/TeamsPage'), 'TeamsPage') },
  { path: 'teams/:teamId', Page: lazyPage(() => import('./features/teams/TeamPage'), 'TeamPage') },
  {
    path: 'teams/:teamId/audit',
    Page: lazyPage(() => import('./features/audit/AuditLogPage'), 'TeamAuditLogPage'),
  },
  { path: 'audit', Page: lazyPage(() => import('./features/audit/AuditLogPage'), 'AuditLogPage') },
  { path: 'tokens', Page: lazyPage(() => import('./features/tokens/TokensPage'), 'TokensPage') },
  { path: 'people', Page: lazyPage(() => import('./features/people/PeoplePage'), 'PeoplePage') },
  {
    path: 'account',
    Page: lazyPage(() => import('./features/account/AccountPage'), 'AccountPage'),
  },
  {
    path: 'account/notifications',
    Page: lazyPage(
      () => import('./features/notifications/MyNotificationsPage'),
      'MyNotificationsPage',
    ),
  },
  { path: '*', Page: lazyPage(() => import('./features/shell/NotFoundPage'), 'NotFoundPage') },
];

export function App() {
  return (
    <Routes>
      <Route path="/login" element={<PublicPage Page={LoginPage} />} />
      <Route path="/invitations/:token" element={<PublicPage Page={AcceptInvitationPage} />} />
      <Route path="/sponsor/:token" element={<PublicPage Page={SponsorPage} />} />
      <Route path="/unsubscribe/:token" element={<PublicPage Page={UnsubscribePage} />} />
      <Route
        element={
          <RequireAuth>
            <AppShell />
          </RequireAuth>
        }
      >
        <Route index element={<Navigate to="/portfolio" replace />} />
        {SHELL_PAGES.map(({ path, Page }) => (
          <Route key={path} path={path} element={<Page />} />
        ))}
      </Route>
    </Routes>
  );
}
