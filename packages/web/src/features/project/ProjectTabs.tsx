import { NavLink } from 'react-router';
import type { TeamRole } from '@sextant/core';

/**
 * The project's pages: overview, sprints, runs, delivery, the improvement backlog… An operator
 * has the production pages only (the figures and the daily list); a viewer has no daily list.
 */
export function ProjectTabs({ projectId, role }: { projectId: string; role: TeamRole }) {
  const base = `/projects/${projectId}`;
  const all = [
    { to: base, label: 'Overview', end: true },
    { to: `${base}/sprints`, label: 'Sprints', end: false },
    { to: `${base}/runs`, label: 'Runs', end: false },
    { to: `${base}/delivery`, label: 'Delivery', end: true },
    { to: `${base}/backlog`, label: 'Backlog', end: true },
    { to: `${base}/deployments`, label: 'Deployments', end: true },
    { to: `${base}/insights`, label: 'Insights', end: true },
    { to: `${base}/roi`, label: 'ROI', end: true },
    { to: `${base}/production`, label: 'Production', end: true },
    { to: `${base}/production/list`, label: 'Daily list', end: true },
    { to: `${base}/notifications`, label: 'Notifications', end: true },
  ];
  // The daily list is for those who record decisions: operators and members; notifications
  // (endpoints and subscribers) for members and admins.
  const tabs =
    role === 'operator'
      ? all.filter((tab) => tab.label === 'Production' || tab.label === 'Daily list')
      : role === 'viewer'
        ? all.filter((tab) => tab.label !== 'Daily list' && tab.label !== 'Notifications')
        : all;
  return (
    <nav aria-label="Project" className="tabs">
      {tabs.map((tab) => (
        <NavLink
          key={tab.to}
          to={tab.to}
          end={tab.end}
          className={({ isActive }) => `tabs__link ${isActive ? 'tabs__link--active' : ''}`}
        >
          {tab.label}
        </NavLink>
      ))}
    </nav>
  );
}
