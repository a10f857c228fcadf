import { useCallback } from 'react';
import {
  dashedMarkLine,
  categoryAxis,
  dots,
  lineSeries,
  valueAxis,
  type LineChartOption as ChartOption,
} from '../../components/chart/chart-options';
import { formatMonthText, type RoiResponse } from '@sextant/core';
import { formatMoney } from '../../lib/format';
import { numberOrDash, seriesChartTooltip } from '../../components/chart/chart-tooltip';
import { EChart, cssColor } from '../../components/chart/EChart';

/** Months from the first curve point to the break-even month, so the marker has a place. */
function axisMonths(roi: RoiResponse): string[] {
  const months = roi.curves.map((p) => p.month);
  const target = roi.breakEven.month;
  if (!target || months.length === 0) return months;
  let last = months.at(-1) as string;
  while (last < target) {
    const [y, m] = last.split('-').map(Number) as [number, number];
    last = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
    months.push(last);
  }
  return months;
}

function chartOption(roi: RoiResponse, compact: boolean): ChartOption {
  const currency = roi.currency ?? 'EUR';
  const accent = cssColor('--accent', '#4f46e5');
  const danger = cssColor('--danger', '#c62828');
  const success = cssColor('--success', '#2e7d32');
  const muted = cssColor('--text-muted', '#5f6673');
  const months = axisMonths(roi);
  const pad = <T,>(values: T[]) => [...values, ...months.slice(values.length).map(() => null)];
  const money = (v: number) => formatMoney(v, currency);
  const breakEven = roi.breakEven.month;
  return {
    animation: false,
    grid: { left: compact ? 56 : 80, right: 24, top: 40, bottom: 40 },
    legend: { top: 0, textStyle: { color: muted } },
    tooltip: seriesChartTooltip('axis', numberOrDash(money)),
    xAxis: categoryAxis(months, {
      hideOverlap: true,
      formatter: (m: string) => formatMonthText(m),
    }),
    yAxis: valueAxis({
      axisLabel: {
        formatter: (v: number) => new Intl.NumberFormat('en-GB', { notation: 'compact' }).format(v),
      },
    }),
    series: [
      lineSeries(
        { name: 'Cumulative cost', data: pad(roi.curves.map((p) => p.cost)), color: danger },
        {
          ...dots(6),
          ...(breakEven
            ? {
                markLine: dashedMarkLine(
                  success,
                  roi.breakEven.status === 'reached'
                    ? `Break-even ${breakEven}`
                    : `Break-even (projected) ${breakEven}`,
                  { xAxis: breakEven, name: 'Break-even' },
                ),
              }
            : {}),
        },
      ),
      lineSeries(
        {
          name: 'Cumulative realized return',
          data: pad(roi.curves.map((p) => p.realizedReturn)),
          color: accent,
        },
        dots(6),
      ),
      lineSeries(
        {
          name: 'With estimated returns',
          data: pad(roi.curves.map((p) => p.totalReturn)),
          color: accent,
          width: 1.5,
          dash: 'dashed',
        },
        { symbol: 'none' },
      ),
    ],
  };
}

/** Cumulative cost and return by month, with the break-even month marked. */
export function RoiChart({ roi }: { roi: RoiResponse }) {
  const option = useCallback((compact: boolean) => chartOption(roi, compact), [roi]);
  return (
    <EChart
      label={`Cumulative cost and return by month${
        roi.breakEven.month ? `, break-even ${roi.breakEven.month}` : ', break-even not in sight'
      }`}
      option={option}
      compactBelow={560}
      className="roi-chart"
    />
  );
}
