import { Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { Loading } from './components/Feedback';
import { RequireAuth } from './features/auth/RequireAuth';
import { AppShell } from './features/shell/AppShell';
import { lazyPage } from './lazy-page';

// Each page is its own chunk, fetched the first time it is opened (AppShell shows a status
// meanwhile); the shell, sign-in check and API client are in the initial bundle.
const AccountPage = lazyPage(() => import('./features/account/AccountPage'), 'AccountPage');
const ArtifactsPage = lazyPage(() => import('./features/artifacts/ArtifactsPage'), 'ArtifactsPage');
const BacklogPage = lazyPage(() => import('./features/backlog/BacklogPage'), 'BacklogPage');
const DeliveryPage = lazyPage(() => import('./features/delivery/DeliveryPage'), 'DeliveryPage');
const DeploymentsPage = lazyPage(
  () => import('./features/deployments/DeploymentsPage'),
  'DeploymentsPage',
);
const InsightsPage = lazyPage(() => import('./features/insights/InsightsPage'), 'InsightsPage');
const LoginPage = lazyPage(() => import('./features/auth/LoginPage'), 'LoginPage');
const NotFoundPage = lazyPage(() => import('./features/shell/NotFoundPage'), 'NotFoundPage');
const PortfolioPage = lazyPage(() => import('./features/portfolio/PortfolioPage'), 'PortfolioPage');
const ProductionPage = lazyPage(
  () => import('./features/production/ProductionPage'),
  'ProductionPage',
);
const ProjectPage = lazyPage(() => import('./features/project/ProjectPage'), 'ProjectPage');
const ProjectsPage = lazyPage(() => import('./features/projects/ProjectsPage'), 'ProjectsPage');
const RoiPage = lazyPage(() => import('./features/roi/RoiPage'), 'RoiPage');
const RunDetailPage = lazyPage(() => import('./features/runs/RunDetailPage'), 'RunDetailPage');
const RunsPage = lazyPage(() => import('./features/runs/RunsPage'), 'RunsPage');
const SprintBoardPage = lazyPage(
  () => import('./features/sprints/SprintBoardPage'),
  'SprintBoardPage',
);
const SprintReviewPage = lazyPage(
  () => import('./features/review/SprintReviewPage'),
  'SprintReviewPage',
);
const SprintsPage = lazyPage(() => import('./features/sprints/SprintsPage'), 'SprintsPage');
const TeamPage = lazyPage(() => import('./features/teams/TeamPage'), 'TeamPage');
const TeamsPage = lazyPage(() => import('./features/teams/TeamsPage'), 'TeamsPage');
const TokensPage = lazyPage(() => import('./features/tokens/TokensPage'), 'TokensPage');

export function App() {
  return (
    <Routes>
      <Route
        path="/login"
        element={
          <Suspense
            fallback={
              <div className="page-center">
                <Loading />
              </div>
            }
          >
            <LoginPage />
          </Suspense>
        }
      />
      <Route
        element={
          <RequireAuth>
            <AppShell />
          </RequireAuth>
        }
      >
        <Route index element={<Navigate to="/portfolio" replace />} />
        <Route path="portfolio" element={<PortfolioPage />} />
        <Route path="projects" element={<ProjectsPage />} />
        <Route path="projects/:projectId" element={<ProjectPage />} />
        <Route path="projects/:projectId/sprints" element={<SprintsPage />} />
        <Route path="projects/:projectId/sprints/:sprintId" element={<SprintBoardPage />} />
        <Route path="projects/:projectId/sprints/:sprintId/review" element={<SprintReviewPage />} />
        <Route path="projects/:projectId/delivery" element={<DeliveryPage />} />
        <Route path="projects/:projectId/runs" element={<RunsPage />} />
        <Route path="projects/:projectId/runs/:runId" element={<RunDetailPage />} />
        <Route path="projects/:projectId/backlog" element={<BacklogPage />} />
        <Route path="projects/:projectId/deployments" element={<DeploymentsPage />} />
        <Route path="projects/:projectId/insights" element={<InsightsPage />} />
        <Route path="projects/:projectId/roi" element={<RoiPage />} />
        <Route path="projects/:projectId/production" element={<ProductionPage />} />
        <Route path="artifacts" element={<ArtifactsPage />} />
        <Route path="teams" element={<TeamsPage />} />
        <Route path="teams/:teamId" element={<TeamPage />} />
        <Route path="tokens" element={<TokensPage />} />
        <Route path="account" element={<AccountPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
