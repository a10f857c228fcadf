import type { PortfolioWorkspace } from '@sextant/core';
import { HealthBadge } from '../../components/HealthBadge';
import { formatMoney, formatPercent, formatRoi } from '../../lib/format';

/** "3 of 8 (38 %) reached production — industry: about 1 in 5". */
export function reachedProductionText(workspace: PortfolioWorkspace): string {
  const industry = `industry: about 1 in ${Math.round(1 / workspace.industryShare)}`;
  return `${workspace.reachedProduction} of ${workspace.projects} (${formatPercent(workspace.reachedProductionShare)}) reached production — ${industry}`;
}

const HEALTHS = ['red', 'amber', 'green'] as const;

/** The workspace's figures over every project the reader may see, whatever the filters. */
export function WorkspaceFigures({ workspace }: { workspace: PortfolioWorkspace }) {
  const rule = (key: string) => workspace.rules[key];
  return (
    <div className="tiles portfolio-figures" role="list" aria-label="Workspace figures">
      <div className="tile" role="listitem" title={rule('reachedProduction')}>
        <p className="tile__label">Reached production</p>
        <p className="tile__value">{formatPercent(workspace.reachedProductionShare)}</p>
        <p className="tile__detail">{reachedProductionText(workspace)}</p>
      </div>
      <div className="tile" role="listitem" title={rule('health')}>
        <p className="tile__label">Health</p>
        <ul className="portfolio-figures__health" aria-label="Projects per health">
          {HEALTHS.map((health) => (
            <li key={health}>
              <HealthBadge health={health} /> <strong>{workspace.perHealth[health] ?? 0}</strong>
            </li>
          ))}
        </ul>
      </div>
      <div className="tile" role="listitem" title={rule('roi')}>
        <p className="tile__label">ROI</p>
        {workspace.roi.length === 0 ? (
          <>
            <p className="tile__value">—</p>
            <p className="tile__detail">no costs or returns recorded</p>
          </>
        ) : (
          workspace.roi.map((row) => (
            <p key={row.currency} className="tile__detail portfolio-figures__roi">
              <strong>
                {row.currency}: {formatRoi(row.roi)}
              </strong>{' '}
              {formatMoney(row.realizedReturns, row.currency)} returned on{' '}
              {formatMoney(row.costs, row.currency)}
            </p>
          ))
        )}
      </div>
    </div>
  );
}
