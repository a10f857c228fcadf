import { useCallback } from 'react';
import type { LineSeriesOption } from 'echarts/charts';
import {
  categoryAxis,
  valueAxis,
  type LineChartOption as ChartOption,
} from '../delivery/chart-options';
import { niceAxis, type ReviewPoint } from '@sextant/core';
import { chartTooltip, paramList, tooltipLines } from '../delivery/chart-tooltip';
import { EChart, cssColor } from '../delivery/EChart';
import { formatNumber } from '../../lib/format';

export interface ReviewChartProps {
  metricName: string;
  points: ReviewPoint[];
  threshold: number | null;
  currentProcess: { name: string; value: number } | null;
  /** What a screen reader hears instead of the picture; the figures table says it all too. */
  label: string;
}

/** Below this width (CSS px) line labels drop the process's name, which the table still gives. */
const COMPACT_WIDTH = 520;

function chartOption(
  { metricName, points, threshold, currentProcess }: Omit<ReviewChartProps, 'label'>,
  compact: boolean,
): ChartOption {
  const accent = cssColor('--accent', '#4f46e5');
  const danger = cssColor('--danger', '#c62828');
  const warning = cssColor('--warning', '#a15c07');
  const muted = cssColor('--text-muted', '#5f6673');
  const text = cssColor('--text', '#1b1f24');
  const baselineColor = '#0f766e';

  const values = [
    ...points.flatMap((p) => [p.bestCiValue, p.baselineValue]),
    threshold,
    currentProcess?.value ?? null,
  ].filter((v): v is number => v !== null);
  const axis = niceAxis(values.length > 0 ? values : [0, 1]);
  const hasBaseline = points.some((p) => p.baselineValue !== null);

  const marks: NonNullable<LineSeriesOption['markLine']>['data'] = [];
  if (threshold !== null) {
    marks.push({
      yAxis: threshold,
      name: 'threshold',
      lineStyle: { color: danger, type: 'dashed', width: 1.5 },
      label: {
        formatter: `threshold ${formatNumber(threshold)}`,
        position: 'insideEndTop',
        color: danger,
        fontWeight: 600,
      },
    });
  }
  if (currentProcess) {
    marks.push({
      yAxis: currentProcess.value,
      name: 'current process',
      lineStyle: { color: warning, type: 'dotted', width: 1.5 },
      label: {
        formatter: compact
          ? `current process ${formatNumber(currentProcess.value)}`
          : `current process: ${currentProcess.name} ${formatNumber(currentProcess.value)}`,
        position: 'insideStartTop',
        color: warning,
      },
    });
  }

  const series: LineSeriesOption[] = [
    {
      type: 'line',
      name: 'Best CI run',
      data: points.map((p) => p.bestCiValue),
      connectNulls: false,
      symbol: 'circle',
      symbolSize: 9,
      z: 3,
      lineStyle: { color: accent, width: 2.5 },
      itemStyle: { color: accent },
      label: {
        show: true,
        position: 'top',
        color: text,
        formatter: (p) => (typeof p.value === 'number' ? formatNumber(p.value) : ''),
      },
      markLine: { silent: true, symbol: 'none', data: marks },
    },
  ];
  if (hasBaseline) {
    series.push({
      type: 'line',
      name: 'Baseline',
      data: points.map((p) => p.baselineValue),
      step: 'middle',
      connectNulls: false,
      symbol: 'rect',
      symbolSize: 6,
      z: 2,
      lineStyle: { color: baselineColor, width: 2, type: [6, 3] },
      itemStyle: { color: baselineColor },
      endLabel: {
        show: true,
        color: baselineColor,
        fontWeight: 600,
        formatter: (p) => `baseline ${typeof p.value === 'number' ? formatNumber(p.value) : ''}`,
      },
    });
  }

  return {
    animation: false,
    legend: {
      top: 0,
      left: 0,
      itemGap: 16,
      textStyle: { color: muted },
      data: hasBaseline ? ['Best CI run', 'Baseline'] : ['Best CI run'],
    },
    grid: { left: 56, right: hasBaseline ? 96 : 24, top: 44, bottom: 36, containLabel: false },
    tooltip: chartTooltip({
      trigger: 'axis',
      formatter: (params) => {
        const point = points[paramList(params)[0]?.dataIndex ?? 0];
        if (!point) return '';
        const lines = [
          `Best CI ${metricName}: ${point.bestCiValue === null ? 'no CI run' : formatNumber(point.bestCiValue)}`,
          `Baseline: ${point.baselineValue === null ? 'none yet' : formatNumber(point.baselineValue)}`,
        ];
        if (point.notComparableRuns > 0) {
          lines.push(`${point.notComparableRuns} not comparable (other strategy)`);
        }
        if (point.manualRuns > 0) lines.push(`${point.manualRuns} manual, not counted`);
        return tooltipLines(point.name, lines);
      },
    }),
    xAxis: categoryAxis(
      points.map((p) => p.name),
      { interval: 0, hideOverlap: true },
    ),
    yAxis: valueAxis({
      min: axis.min,
      max: axis.max,
      interval: axis.interval,
      axisLabel: { formatter: (v: number) => formatNumber(v) },
    }),
    series,
  };
}

/**
 * The success metric per sprint: the best CI run, the baseline as a step line, the threshold
 * as a dashed line and the current process's bar as a dotted one. SVG, so its text is text.
 */
export function ReviewChart(props: ReviewChartProps) {
  const { metricName, points, threshold, currentProcess, label } = props;
  const option = useCallback(
    (compact: boolean) => chartOption({ metricName, points, threshold, currentProcess }, compact),
    [metricName, points, threshold, currentProcess],
  );
  return (
    <EChart label={label} option={option} compactBelow={COMPACT_WIDTH} className="review-chart" />
  );
}
