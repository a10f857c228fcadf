import { useCallback } from 'react';
import type { LineSeriesOption } from 'echarts/charts';
import {
  formatDay,
  formatNumberText,
  niceAxis,
  type Goal,
  type GoalMeasurements,
} from '@sextant/core';
import {
  dots,
  lineSeries,
  valueAxis,
  type LineChartOption,
} from '../../components/chart/chart-options';
import { chartTooltip, paramList, tooltipLines } from '../../components/chart/chart-tooltip';
import { EChart, cssColor } from '../../components/chart/EChart';

type Measured = Pick<GoalMeasurements, 'items' | 'progress'>;

const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);
const number = (value: number) => formatNumberText(value, 2);

/** What a screen reader hears instead of the chart: the measurements, the bars and the pace. */
export function goalChartLabel(goal: Goal, { items, progress }: Measured): string {
  const unit = goal.unit ? ` ${goal.unit}` : '';
  const first = items[0];
  const last = items.at(-1);
  const measured =
    first && last && items.length > 1
      ? `${items.length} measurements, from ${number(first.value)} on ${formatDay(first.measuredAt)} to ${number(last.value)} on ${formatDay(last.measuredAt)}`
      : last
        ? `1 measurement, ${number(last.value)} on ${formatDay(last.measuredAt)}`
        : 'no measurement yet';
  const pace =
    progress.projectedAtDeadline === null
      ? ''
      : `; at this pace ${number(progress.projectedAtDeadline)}${unit} by the deadline`;
  return `${goal.metric} over time${unit ? ` (${goal.unit})` : ''}: ${measured}; baseline ${number(goal.baseline)}, target ${number(goal.target)} by ${formatDay(goal.deadline)}${pace}.`;
}

type MarkLineData = NonNullable<NonNullable<LineSeriesOption['markLine']>['data']>[number];

/**
 * A line across the chart at one of the goal's levels, 1.5 px wide in `color` with `dash`,
 * labelled with the level's name and value; `label` places the label.
 */
function levelLine(
  name: 'baseline' | 'target',
  value: number,
  color: string,
  dash: 'dotted' | 'dashed',
  label: { position: 'insideEndTop' | 'insideStartTop'; fontWeight?: number },
): MarkLineData {
  return {
    yAxis: value,
    name,
    lineStyle: { color, type: dash, width: 1.5 },
    label: { formatter: `${name} ${number(value)}`, color, ...label },
  };
}

function chartOption(goal: Goal, { items, progress }: Measured): LineChartOption {
  const accent = cssColor('--accent', '#4f46e5');
  const muted = cssColor('--text-muted', '#5f6673');
  const success = cssColor('--success', '#2e7d32');
  const border = cssColor('--border', '#e3e5e9');
  const points = items.map((m) => [Date.parse(m.measuredAt), m.value] as [number, number]);
  const deadline = dayMs(goal.deadline);
  const latest = progress.latest;
  const pace: [number, number][] =
    latest && progress.projectedAtDeadline !== null
      ? [
          [Date.parse(latest.measuredAt), latest.value],
          [deadline, progress.projectedAtDeadline],
        ]
      : [];
  const y = niceAxis([
    goal.baseline,
    goal.target,
    ...items.map((m) => m.value),
    ...pace.map(([, v]) => v),
  ]);
  const start = Math.min(deadline, ...points.map(([t]) => t));
  const series: LineSeriesOption[] = [
    lineSeries(
      { name: 'Measured', data: points, color: accent },
      {
        ...dots(8),
        z: 3,
        markLine: {
          silent: true,
          symbol: 'none',
          data: [
            // At the right end: the measurements start near the baseline and leave it.
            levelLine('baseline', goal.baseline, muted, 'dotted', { position: 'insideEndTop' }),
            // At the left end, where the measurements are furthest from it.
            levelLine('target', goal.target, success, 'dashed', {
              position: 'insideStartTop',
              fontWeight: 600,
            }),
            {
              xAxis: deadline,
              name: 'deadline',
              lineStyle: { color: muted, type: 'solid', width: 1 },
              // Above the line's top, ending on it: the axis ends on the deadline too.
              label: {
                formatter: `deadline ${formatDay(goal.deadline)}`,
                position: 'end',
                align: 'right',
                color: muted,
              },
            },
          ],
        },
      },
    ),
  ];
  if (pace.length > 0) {
    series.push({
      type: 'line',
      name: 'Pace',
      data: pace,
      symbol: 'none',
      lineStyle: { color: accent, type: 'dashed', width: 1.5, opacity: 0.7 },
      z: 2,
    });
  }
  return {
    animation: false,
    // Ticks on UTC days and months, as formatDay writes them (not the reader's midnight).
    useUTC: true,
    grid: { left: 56, right: 16, top: 28, bottom: 28, containLabel: false },
    tooltip: chartTooltip({
      // Along the axis, so the tooltip answers anywhere on the chart: the point nearest in time.
      trigger: 'axis',
      formatter: (params) => {
        const list = paramList(params);
        const at = Number((list[0] as { axisValue?: unknown } | undefined)?.axisValue);
        const timed = list.flatMap((p) =>
          Array.isArray(p.value)
            ? [{ name: p.seriesName, value: p.value as [number, number] }]
            : [],
        );
        const nearest = timed.reduce<(typeof timed)[number] | undefined>(
          (best, p) =>
            !best || Math.abs(p.value[0] - at) < Math.abs(best.value[0] - at) ? p : best,
          undefined,
        );
        if (!nearest) return '';
        const [time, figure] = nearest.value;
        const title = nearest.name === 'Pace' ? 'At this pace' : 'Measured';
        return tooltipLines(title, [`${number(figure)} ${goal.unit} on ${formatDay(time)}`]);
      },
    }),
    xAxis: {
      type: 'time',
      min: start,
      max: deadline,
      // Few dates, far enough apart to read on a phone.
      splitNumber: 3,
      axisLabel: {
        color: muted,
        hideOverlap: true,
        formatter: (value: number) => formatDay(value),
      },
      axisLine: { lineStyle: { color: border } },
      axisTick: { show: false },
      splitLine: { show: false },
    },
    yAxis: valueAxis({
      min: y.min,
      max: y.max,
      interval: y.interval,
      axisLabel: { formatter: (value: number) => number(value) },
    }),
    series,
  };
}

/**
 * The goal's measurements over time, up to its deadline, with its baseline and target as
 * lines and the least-squares pace carried from the latest measurement to the deadline.
 */
export function GoalChart({ goal, measured }: { goal: Goal; measured: Measured }) {
  const option = useCallback(() => chartOption(goal, measured), [goal, measured]);
  return <EChart className="goal-chart" label={goalChartLabel(goal, measured)} option={option} />;
}
