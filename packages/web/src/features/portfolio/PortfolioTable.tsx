import { Link } from 'react-router';
import { formatMoneyShort, type PortfolioProject } from '@sextant/core';
import { HealthBadge } from '../../components/HealthBadge';
import { StageBadge } from '../../components/StageBadge';
import { formatPercent, formatRoi } from '../../lib/format';

function roiText(project: PortfolioProject): string {
  return formatRoi(project.roi);
}

/** The best CI run against today's process, a year, in short money: `+€6.8 M`. */
function worthText(project: PortfolioProject): string {
  const worth = project.worthVsToday;
  return worth ? formatMoneyShort(worth.perYear, worth.currency, true) : '—';
}

/** One row per project: health (reasons on hover), stage and the KPIs that say if it is on track. */
export function PortfolioTable({
  projects,
  rules,
}: {
  projects: PortfolioProject[];
  /** The workspace's rules by figure, shown on hover over the column headers. */
  rules: Record<string, string>;
}) {
  return (
    <table className="table table--stack portfolio-table" aria-label="Projects">
      <thead>
        <tr>
          <th scope="col">Project</th>
          <th scope="col" title={rules.health}>
            Health
          </th>
          <th scope="col">Stage</th>
          <th scope="col" className="portfolio-table__num" title={rules.goalProgress}>
            Criterion progress
          </th>
          <th scope="col" className="portfolio-table__num" title={rules.lastSprintSuccessRate}>
            Last sprint
          </th>
          <th scope="col" className="portfolio-table__num" title={rules.deployments}>
            Deployments (30&nbsp;d)
          </th>
          <th scope="col" className="portfolio-table__num" title={rules.insights}>
            Insights this quarter
          </th>
          <th scope="col" className="portfolio-table__num" title={rules.roi}>
            ROI
          </th>
          <th scope="col" className="portfolio-table__num" title={rules.worthVsToday}>
            Worth vs today (a&nbsp;year)
          </th>
        </tr>
      </thead>
      <tbody>
        {projects.map((project) => (
          <tr key={project.id}>
            <td data-label="Project">
              <Link className="table__primary-link" to={project.url}>
                {project.name}
              </Link>
              <span className="portfolio-table__team">{project.teamName}</span>
            </td>
            <td data-label="Health">
              <HealthBadge health={project.health} reasons={project.reasons} />
              {project.openAlerts > 0 ? (
                <span className="portfolio-table__alerts">
                  {project.openAlerts === 1 ? '1 alert' : `${project.openAlerts} alerts`}
                </span>
              ) : null}
            </td>
            <td data-label="Stage">
              <StageBadge stage={project.stage} />
            </td>
            <td data-label="Criterion progress" className="portfolio-table__num">
              {formatPercent(project.goalProgress)}
            </td>
            <td data-label="Last sprint" className="portfolio-table__num">
              {formatPercent(project.lastSprintSuccessRate)}
            </td>
            <td data-label="Deployments (30 d)" className="portfolio-table__num">
              {project.deploymentsLast30Days}
            </td>
            <td data-label="Insights this quarter" className="portfolio-table__num">
              {project.insightsThisQuarter}
            </td>
            <td data-label="ROI" className="portfolio-table__num">
              {roiText(project)}
            </td>
            <td data-label="Worth vs today (a year)" className="portfolio-table__num">
              {worthText(project)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
