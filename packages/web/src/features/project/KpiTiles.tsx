import { Link } from 'react-router';
import {
  formatMetricText,
  formatMoneyShort,
  formatMoneyText,
  perPeriodText,
  type ProjectKpis,
} from '@sextant/core';
import { formatMoney, formatNumber, formatPercent, formatRoi } from '../../lib/format';

interface KpiTileProps {
  label: string;
  value: string;
  detail: string;
  /** The rule written beside the figure: the tile's hover text. */
  rule: string;
  to: string;
  /** Across the whole row: for a figure that needs a sentence. */
  wide?: boolean;
}

/** One figure; the whole tile follows its link to the page where it is explained. */
function KpiTile({ label, value, detail, rule, to, wide = false }: KpiTileProps) {
  return (
    <div
      className={wide ? 'tile kpi-tile kpi-tile--wide' : 'tile kpi-tile'}
      role="listitem"
      title={rule}
    >
      <Link className="tile__label kpi-tile__link" to={to}>
        {label}
      </Link>
      <p className="tile__value">{value}</p>
      <p className="tile__detail">{detail}</p>
    </div>
  );
}

/** The last closed sprint (highest number) that has a success rate. */
function lastClosedSprint(delivery: ProjectKpis['delivery']) {
  return delivery.sprints
    .filter((sprint) => sprint.state === 'closed' && sprint.successRate !== null)
    .reduce<ProjectKpis['delivery']['sprints'][number] | null>(
      (last, sprint) => (!last || sprint.number > last.number ? sprint : last),
      null,
    );
}

function goalDetail(goal: ProjectKpis['goal']): string {
  if (!goal.metric || goal.threshold === null) return 'no success criterion yet';
  if (goal.firstBaseline === null || goal.currentBaseline === null) {
    return `no CI baseline on ${goal.metric} yet`;
  }
  return `${formatNumber(goal.currentBaseline)} from ${formatNumber(goal.firstBaseline)} toward ${formatNumber(goal.threshold)}`;
}

function roiValue(roi: ProjectKpis['roi']): string {
  if (roi.roi === null) return '—';
  return formatRoi(roi.roi);
}

function roiDetail(roi: ProjectKpis['roi']): string {
  if (!roi.currency) return 'no costs or returns recorded';
  if (roi.roi === null) return 'no costs recorded yet';
  return `${formatMoney(roi.realizedReturns, roi.currency)} returned on ${formatMoney(roi.costs, roi.currency)}`;
}

const NO_MONEY: Record<NonNullable<ProjectKpis['money']['missing']>, string> = {
  no_criterion: 'no success criterion yet',
  not_hit_rate: 'the success criterion is not a hit rate@N: it has no value in money',
  no_value_model: 'no value model on the success criterion',
  no_ci_run: 'no CI run of the success metric yet',
};

const perPeriod = perPeriodText;

/** The best CI run in money against today's process: the headline figure and its sentence. */
function moneyFigures(money: ProjectKpis['money']): { value: string; detail: string } {
  const worth = money.money;
  if (!worth) return { value: '—', detail: money.missing ? NO_MONEY[money.missing] : '' };
  const { currency } = worth;
  const every = perPeriod(worth.period);
  const best = `Best CI run (${formatMetricText(money.bestRun?.value ?? 0)} caught ${every}) worth ${formatMoneyText(worth.model.perPeriod, currency)} ${every}`;
  if (!worth.current || !worth.difference) {
    return {
      value: `${formatMoneyShort(worth.model.perYear, currency)} a year`,
      detail: `${best}, about ${formatMoneyShort(worth.model.perYear, currency)} a year; the scope states no figure for today’s process`,
    };
  }
  return {
    value: `${formatMoneyShort(worth.difference.perYear, currency, true)} a year`,
    detail: `${best}, today’s process ${formatMoneyText(worth.current.perPeriod, currency)}: ${formatMoneyText(worth.difference.perPeriod, currency, true)} ${every}, about ${formatMoneyShort(worth.difference.perYear, currency, true)} a year`,
  };
}

/** The project's KPI families at a glance, each with its rule and a way to its page. */
export function KpiTiles({ kpis }: { kpis: ProjectKpis }) {
  const base = `/projects/${kpis.projectId}`;
  const { goal, runs, deployments, insights, roi } = kpis;
  const sprint = lastClosedSprint(kpis.delivery);
  const days = deployments.daysSinceLastProduction;
  const money = moneyFigures(kpis.money);
  return (
    <div className="tiles kpi-tiles" role="list" aria-label="Project KPIs">
      <KpiTile
        label="Criterion progress"
        value={formatPercent(goal.progress)}
        detail={goalDetail(goal)}
        rule={goal.rule}
        to={`${base}/runs`}
      />
      <KpiTile
        label="Last sprint success"
        value={formatPercent(sprint?.successRate?.rate)}
        detail={
          sprint
            ? `${sprint.delivered} of ${sprint.committed} stories in ${sprint.name}`
            : 'no closed sprint yet'
        }
        rule={kpis.delivery.rules.sprintSuccessRate ?? ''}
        to={`${base}/delivery`}
      />
      <KpiTile
        label="CI runs"
        value={String(runs.ci)}
        detail={
          runs.baselineValue === null
            ? `${runs.manual} manual; no CI baseline yet`
            : `${runs.manual} manual; baseline ${formatNumber(runs.baselineValue)}`
        }
        rule={runs.rule}
        to={`${base}/runs`}
      />
      <KpiTile
        label="Production deployments"
        value={days === null ? '—' : days === 1 ? '1 day ago' : `${days} days ago`}
        detail={`change failure rate ${formatPercent(deployments.changeFailureRate)}`}
        rule={`${deployments.rules.daysSinceLastProduction}\n${deployments.rules.changeFailureRate}`}
        to={`${base}/deployments`}
      />
      <KpiTile
        label="Insights this quarter"
        value={String(insights.deliveredThisQuarter)}
        detail={`delivered in ${insights.thisQuarter}`}
        rule={insights.rules.delivered}
        to={`${base}/insights`}
      />
      <KpiTile
        label="ROI"
        value={roiValue(roi)}
        detail={roiDetail(roi)}
        rule={roi.rules.roi}
        to={`${base}/roi`}
      />
      <KpiTile
        wide
        label="Metric in money"
        value={money.value}
        detail={money.detail}
        rule={kpis.money.rule}
        to={kpis.money.bestRun ? `${base}/runs/${kpis.money.bestRun.runId}` : `${base}/runs`}
      />
    </div>
  );
}
