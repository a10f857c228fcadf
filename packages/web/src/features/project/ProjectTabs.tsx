import { NavLink } from 'react-router';

/** The project's pages: overview, sprints, runs, delivery and the improvement backlog. */
export function ProjectTabs({ projectId }: { projectId: string }) {
  const base = `/projects/${projectId}`;
  const tabs = [
    { to: base, label: 'Overview', end: true },
    { to: `${base}/sprints`, label: 'Sprints', end: false },
    { to: `${base}/runs`, label: 'Runs', end: false },
    { to: `${base}/delivery`, label: 'Delivery', end: true },
    { to: `${base}/backlog`, label: 'Backlog', end: true },
    { to: `${base}/deployments`, label: 'Deployments', end: true },
    { to: `${base}/insights`, label: 'Insights', end: true },
    { to: `${base}/roi`, label: 'ROI', end: true },
    { to: `${base}/production`, label: 'Production', end: true },
  ];
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
