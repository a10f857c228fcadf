import { Navigate, Route, Routes } from 'react-router';
import { AccountPage } from './features/account/AccountPage';
import { ArtifactsPage } from './features/artifacts/ArtifactsPage';
import { BacklogPage } from './features/backlog/BacklogPage';
import { InsightsPage } from './features/insights/InsightsPage';
import { RoiPage } from './features/roi/RoiPage';
import { ProductionPage } from './features/production/ProductionPage';
import { DeliveryPage } from './features/delivery/DeliveryPage';
import { DeploymentsPage } from './features/deployments/DeploymentsPage';
import { LoginPage } from './features/auth/LoginPage';
import { RequireAuth } from './features/auth/RequireAuth';
import { PortfolioPage } from './features/portfolio/PortfolioPage';
import { ProjectPage } from './features/project/ProjectPage';
import { ProjectsPage } from './features/projects/ProjectsPage';
import { SprintReviewPage } from './features/review/SprintReviewPage';
import { RunDetailPage } from './features/runs/RunDetailPage';
import { RunsPage } from './features/runs/RunsPage';
import { AppShell } from './features/shell/AppShell';
import { SprintBoardPage } from './features/sprints/SprintBoardPage';
import { SprintsPage } from './features/sprints/SprintsPage';
import { NotFoundPage } from './features/shell/NotFoundPage';
import { TeamPage } from './features/teams/TeamPage';
import { TeamsPage } from './features/teams/TeamsPage';
import { TokensPage } from './features/tokens/TokensPage';

export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
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
