import { useCallback } from 'react';
import type { ProductionReport } from '@sextant/core';
import {
  dashedMarkLine,
  categoryAxis,
  dots,
  lineSeries,
  valueAxis,
  type BarChartOption,
  type LineChartOption,
} from '../../components/chart/chart-options';
import { numberOrDash, seriesChartTooltip } from '../../components/chart/chart-tooltip';
import { EChart, cssColor } from '../../components/chart/EChart';
import { formatDate, formatPercent } from '../../lib/format';
import { hitRateText } from './production-text';

/** The report's periods along x, as dates. */
function periodAxis(report: ProductionReport) {
  return categoryAxis(
    report.periods.map((p) => p.period),
    { hideOverlap: true, formatter: (period: string) => formatDate(period) },
  );
}

function hitRateOption(report: ProductionReport, compact: boolean): LineChartOption {
  const accent = cssColor('--accent', '#4f46e5');
  const barColor = cssColor('--text-muted', '#5f6673');
  const success = cssColor('--success', '#2e7d32');
  const muted = cssColor('--text-muted', '#5f6673');
  const threshold = report.threshold;
  return {
    animation: false,
    grid: { left: compact ? 40 : 56, right: compact ? 24 : 120, top: 40, bottom: 40 },
    legend: { top: 0, textStyle: { color: muted } },
    tooltip: seriesChartTooltip('axis', numberOrDash(hitRateText)),
    xAxis: periodAxis(report),
    yAxis: valueAxis({
      min: 0,
      // Room above the highest point and the threshold, so the dashed line is always drawn.
      max: ({ max }: { max: number }) => Math.ceil(Math.max(max, threshold ?? 0) * 11) / 10 || 1,
    }),
    series: [
      lineSeries(
        {
          name: `Model hit rate@${report.n ?? 'N'}`,
          data: report.periods.map((p) => p.hitRate),
          color: accent,
        },
        {
          ...dots(6),
          ...(threshold !== null
            ? {
                markLine: dashedMarkLine(success, `Threshold ${hitRateText(threshold)}`, {
                  yAxis: threshold,
                  name: 'Threshold',
                }),
              }
            : {}),
        },
      ),
      lineSeries(
        {
          name: 'The bar (longest-unchecked)',
          data: report.periods.map((p) => p.bar),
          color: barColor,
          width: 1.5,
          dash: 'dotted',
        },
        { symbol: 'emptyCircle', symbolSize: 5 },
      ),
    ],
  };
}

/** The model's hit rate@N per period beside today's strategy, with the criterion's threshold. */
export function HitRateChart({ report }: { report: ProductionReport }) {
  const option = useCallback((compact: boolean) => hitRateOption(report, compact), [report]);
  const threshold = report.threshold !== null ? `, threshold ${hitRateText(report.threshold)}` : '';
  return (
    <EChart
      label={`Model hit rate@${report.n ?? 'N'} and the bar (longest-unchecked) per ${report.periodKind}${threshold}`}
      option={option}
      compactBelow={560}
      className="production-chart"
    />
  );
}

function disagreementOption(report: ProductionReport, compact: boolean): BarChartOption {
  const warning = cssColor('--warning', '#b26a00');
  return {
    animation: false,
    grid: { left: compact ? 40 : 56, right: 24, top: 24, bottom: 40 },
    tooltip: seriesChartTooltip('axis', numberOrDash(formatPercent)),
    xAxis: periodAxis(report),
    yAxis: valueAxis({ min: 0, max: 1, axisLabel: { formatter: (v: number) => formatPercent(v) } }),
    series: [
      {
        type: 'bar',
        name: 'Disagreement rate',
        data: report.periods.map((p) => p.disagreement.rate),
        itemStyle: { color: warning },
        barMaxWidth: 24,
      },
    ],
  };
}

/** How often the operators disagreed with the model's top N, per period. */
export function DisagreementChart({ report }: { report: ProductionReport }) {
  const option = useCallback((compact: boolean) => disagreementOption(report, compact), [report]);
  return (
    <EChart
      label={`Operator disagreement rate per ${report.periodKind}`}
      option={option}
      compactBelow={560}
      className="production-chart"
    />
  );
}
