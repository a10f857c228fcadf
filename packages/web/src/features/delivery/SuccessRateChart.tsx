import { useCallback } from 'react';
import {
  dashedMarkLine,
  categoryAxis,
  valueAxis,
  type LineChartOption as ChartOption,
} from '../../components/chart/chart-options';
import { rowTooltip, tooltipLines } from '../../components/chart/chart-tooltip';
import { EChart, cssColor } from '../../components/chart/EChart';

export interface RatePoint {
  label: string;
  delivered: number;
  committed: number;
  /** 0..1, null for a sprint that had no story. */
  rate: number | null;
}

/** The 50 % line of the early warning "two sprints in a row below 50 %". */
const THRESHOLD = 50;

function chartOption(points: RatePoint[]): ChartOption {
  const accent = cssColor('--accent', '#4f46e5');
  const danger = cssColor('--danger', '#c62828');
  return {
    animation: false,
    grid: { left: 48, right: 24, top: 32, bottom: 40, containLabel: false },
    tooltip: rowTooltip('axis', points, (point) => {
      const rate = point.rate === null ? '—' : `${Math.round(point.rate * 100)} %`;
      return tooltipLines(point.label, [
        `${point.delivered} of ${point.committed} delivered (${rate})`,
      ]);
    }),
    xAxis: categoryAxis(
      points.map((p) => p.label),
      { interval: 0, hideOverlap: true },
    ),
    yAxis: valueAxis({ min: 0, max: 100, interval: 25, axisLabel: { formatter: '{value} %' } }),
    series: [
      {
        type: 'line',
        name: 'Sprint success rate',
        data: points.map((p) => (p.rate === null ? null : Math.round(p.rate * 100))),
        connectNulls: false,
        symbol: 'circle',
        symbolSize: 10,
        lineStyle: { color: accent, width: 2 },
        itemStyle: {
          color: (params) =>
            typeof params.value === 'number' && params.value < THRESHOLD ? danger : accent,
        },
        label: {
          show: true,
          position: 'top',
          formatter: '{c} %',
          color: cssColor('--text', '#1b1f24'),
        },
        markLine: dashedMarkLine(danger, '50 % line', { yAxis: THRESHOLD, name: '50 % line' }),
      },
    ],
  };
}

/** Sprint success rate per closed sprint, with the 50 % line marked. SVG, so it can be read. */
export function SuccessRateChart({ points, label }: { points: RatePoint[]; label: string }) {
  const option = useCallback(() => chartOption(points), [points]);
  return <EChart label={label} option={option} />;
}
