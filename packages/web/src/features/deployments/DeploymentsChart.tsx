import { useCallback } from 'react';
import {
  categoryAxis,
  valueAxis,
  type BarChartOption as ChartOption,
} from '../../components/chart/chart-options';
import type { DeploymentKpis } from '@sextant/core';
import { rowTooltip, tooltipLines } from '../../components/chart/chart-tooltip';
import { EChart, cssColor } from '../../components/chart/EChart';
import { weekLabel } from './deployment-text';

type Week = DeploymentKpis['perWeek'][number];

function chartOption(weeks: Week[], compact: boolean): ChartOption {
  const accent = cssColor('--accent', '#4f46e5');
  const danger = cssColor('--danger', '#c62828');
  const muted = cssColor('--text-muted', '#5f6673');
  return {
    animation: false,
    grid: { left: 40, right: 16, top: 40, bottom: 40, containLabel: false },
    legend: { top: 0, left: 0, textStyle: { color: muted } },
    tooltip: rowTooltip(
      'axis',
      weeks,
      (week) =>
        tooltipLines(`Week of ${weekLabel(week.weekStart)}`, [
          `${week.succeeded} succeeded, ${week.failed} failed or rolled back`,
          `${week.deploymentDays} deployment day${week.deploymentDays === 1 ? '' : 's'}`,
        ]),
      { axisPointer: { type: 'shadow' } },
    ),
    xAxis: categoryAxis(
      weeks.map((w) => weekLabel(w.weekStart)),
      { interval: compact ? 'auto' : 0, hideOverlap: true },
    ),
    yAxis: valueAxis({ minInterval: 1 }),
    // Failures and rollbacks stacked on the successes.
    series: [
      { name: 'Succeeded', data: weeks.map((w) => w.succeeded), color: accent },
      { name: 'Failed or rolled back', data: weeks.map((w) => w.failed), color: danger },
    ].map(({ name, data, color }) => ({
      type: 'bar' as const,
      name,
      stack: 'deployments',
      data,
      itemStyle: { color },
      barMaxWidth: 36,
    })),
  };
}

/** Production deployments per ISO week: successes, with failures and rollbacks stacked on top. */
export function DeploymentsChart({ weeks }: { weeks: Week[] }) {
  const option = useCallback((compact: boolean) => chartOption(weeks, compact), [weeks]);
  const total = weeks.reduce((sum, w) => sum + w.succeeded + w.failed, 0);
  return (
    <EChart
      label={`Production deployments per week over the last ${weeks.length} weeks: ${total} in all`}
      option={option}
      compactBelow={560}
    />
  );
}
