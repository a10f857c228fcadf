import type { GoalDirection, ProjectDetail, Provenance, Run, RunComparison } from '@sextant/core';
import { formatDateTime } from '../../lib/format';

export const PROVENANCE_LABELS: Record<Provenance, string> = { ci: 'CI', manual: 'Manual' };

/** Why a manual run is shown apart: the tooltip on every Manual badge. */
export const MANUAL_EXPLANATION =
  'Manual run: posted by a person or without CI metadata. Shown for reference, never used for baselines, charts or KPIs.';

export const CI_EXPLANATION =
  'CI run: posted by the pipeline with the project’s CI token and its job metadata. Counts for baselines, charts and KPIs.';

export type ComparisonStatus = RunComparison['status'];

export const COMPARISON_LABELS: Record<ComparisonStatus, string> = {
  comparable: 'Comparable',
  not_comparable: 'Not comparable',
  no_baseline: 'No baseline yet',
  no_metric: 'No success metric',
  manual: 'Not counted',
};

export const COMPARISON_TONES: Record<
  ComparisonStatus,
  'neutral' | 'accent' | 'success' | 'warning' | 'danger'
> = {
  comparable: 'success',
  not_comparable: 'danger',
  no_baseline: 'neutral',
  no_metric: 'neutral',
  manual: 'neutral',
};

/** Fingerprints are 16 hex characters; 8 tell strategies apart at a glance. */
export function shortFingerprint(fingerprint: string | null): string {
  return fingerprint ? fingerprint.slice(0, 8) : '—';
}

/** Git SHAs shown the way git shows them. */
export function shortCommit(commit: string): string {
  return /^[0-9a-f]{12,}$/i.test(commit) ? commit.slice(0, 7) : commit;
}

export function runPath(projectId: string, runId: string): string {
  return `/projects/${projectId}/runs/${runId}`;
}

/** When the run finished, or when it arrived if it did not say: the instant runs sort by. */
export function runTime(run: Pick<Run, 'finishedAt' | 'createdAt'>): string {
  return run.finishedAt ?? run.createdAt;
}

/**
 * The same instant with the word that says what it is: `Finished …` when the run stated its
 * finish, `Received …` when it did not (never the arrival called a finish).
 */
export function runTimeText(run: Pick<Run, 'finishedAt' | 'createdAt'>): string {
  return run.finishedAt
    ? `Finished ${formatDateTime(run.finishedAt)}`
    : `Received ${formatDateTime(run.createdAt)}`;
}

/** `commit a1b2c3d on main`: how a run is named in headings and labels. */
export function runName(run: Pick<Run, 'commit' | 'branch'>): string {
  return `${shortCommit(run.commit)}${run.branch ? ` on ${run.branch}` : ''}`;
}

/** Metric names in a useful order: the success metric first, the rest alphabetical. */
export function orderMetricNames(names: Iterable<string>, keyMetric: string | null): string[] {
  const unique = [...new Set(names)].sort((a, b) => a.localeCompare(b));
  if (keyMetric && unique.includes(keyMetric)) {
    return [keyMetric, ...unique.filter((n) => n !== keyMetric)];
  }
  return unique;
}

/** A parameter's value as text: strings as they are, everything else as JSON. */
export function paramText(value: Run['params'][string] | undefined): string {
  if (value === undefined) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** `b − a` with a sign, at the precision the values were given: `+0.05`, `−0.1`, `±0`. */
export function differenceText(a: number, b: number): string {
  const decimals = Math.min(10, Math.max(decimalsOf(a), decimalsOf(b)));
  const diff = Number((b - a).toFixed(decimals));
  if (diff === 0) return '±0';
  const text = Math.abs(diff).toLocaleString('en-GB', { maximumFractionDigits: decimals });
  return `${diff > 0 ? '+' : '−'}${text}`;
}

function decimalsOf(value: number): number {
  const text = String(value);
  if (text.includes('e')) return 6;
  return text.split('.')[1]?.length ?? 0;
}

/** The success metric as runs report it (`hit_rate_at_10`), and which way is better. */
export function successMetric(
  project: Pick<ProjectDetail, 'successCriterion'>,
): { name: string; direction: GoalDirection } | null {
  const criterion = project.successCriterion;
  if (!criterion) return null;
  return {
    name: criterion.metricName,
    direction: criterion.metric.kind === 'named' ? criterion.metric.direction : 'increase',
  };
}

const HOURS_LABELS: [key: string, label: string][] = [
  ['trainSizeHours', 'train'],
  ['testWindowHours', 'test window'],
  ['stepHours', 'step'],
  ['horizonHours', 'horizon'],
];

/** `48 h` → `2 d`, `168 h` → `1 w`: durations the way people wrote them. */
function hoursText(hours: number): string {
  if (hours % 168 === 0) return `${hours / 168} w`;
  if (hours % 24 === 0) return `${hours / 24} d`;
  return `${hours} h`;
}

/**
 * A run's canonical strategy (`{"horizonHours":48,…,"trainWindow":"expanding"}`) in words:
 * `expanding train window · test window 1 w · step 1 w · horizon 2 d`. Unknown text is shown as is.
 */
export function strategyText(canonical: string | null): string {
  if (!canonical) return 'unstated';
  try {
    const parsed: unknown = JSON.parse(canonical);
    if (typeof parsed !== 'object' || parsed === null) return canonical;
    const strategy = parsed as Record<string, unknown>;
    const parts = [
      typeof strategy.trainWindow === 'string' ? `${strategy.trainWindow} train window` : null,
      ...HOURS_LABELS.map(([key, label]) =>
        typeof strategy[key] === 'number' ? `${label} ${hoursText(strategy[key])}` : null,
      ),
    ].filter((part): part is string => part !== null);
    return parts.length > 0 ? parts.join(' · ') : canonical;
  } catch {
    return canonical;
  }
}
