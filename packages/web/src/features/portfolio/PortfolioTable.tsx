import type { ReactNode } from 'react';
import { formatMoneyShort, type PortfolioProject } from '@sextant/core';
import { DataTable, type Column } from '../../components/DataTable';
import { HealthBadge } from '../../components/HealthBadge';
import { StageBadge } from '../../components/StageBadge';
import { formatPercent, formatRoi } from '../../lib/format';
import { PrimaryLink } from '../../components/PrimaryLink';

function roiText(project: PortfolioProject): string {
  return formatRoi(project.roi);
}

/** The best CI run against today's process, a year, in short money: `+€6.8 M`. */
function worthText(project: PortfolioProject): string {
  const worth = project.worthVsToday;
  return worth ? formatMoneyShort(worth.perYear, worth.currency, true) : '—';
}

/** A figure's column: right-aligned, its rule on hover; `header` keeps short words together. */
function figure(
  label: string,
  rule: string | undefined,
  cell: (project: PortfolioProject) => ReactNode,
  header: string = label,
): Column<PortfolioProject> {
  return { header, label, headTitle: rule, className: 'portfolio-table__num', cell };
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
    <DataTable
      variant="portfolio-table"
      label="Projects"
      rows={projects}
      columns={[
        {
          header: 'Project',
          cell: (project) => (
            <>
              <PrimaryLink to={project.url}>{project.name}</PrimaryLink>
              <span className="portfolio-table__team">{project.teamName}</span>
            </>
          ),
        },
        {
          header: 'Health',
          headTitle: rules.health,
          cell: (project) => (
            <>
              <HealthBadge health={project.health} reasons={project.reasons} />
              {project.openAlerts > 0 ? (
                <span className="portfolio-table__alerts">
                  {project.openAlerts === 1 ? '1 alert' : `${project.openAlerts} alerts`}
                </span>
              ) : null}
            </>
          ),
        },
        { header: 'Stage', cell: (project) => <StageBadge stage={project.stage} /> },
        figure('Criterion progress', rules.goalProgress, (project) =>
          formatPercent(project.goalProgress),
        ),
        figure('Last sprint', rules.lastSprintSuccessRate, (project) =>
          formatPercent(project.lastSprintSuccessRate),
        ),
        figure(
          'Deployments (30 d)',
          rules.deployments,
          (project) => project.deploymentsLast30Days,
          'Deployments (30\u00a0d)',
        ),
        figure('Insights this quarter', rules.insights, (project) => project.insightsThisQuarter),
        figure('ROI', rules.roi, roiText),
        figure(
          'Worth vs today (a year)',
          rules.worthVsToday,
          worthText,
          'Worth vs today (a\u00a0year)',
        ),
      ]}
    />
  );
}
