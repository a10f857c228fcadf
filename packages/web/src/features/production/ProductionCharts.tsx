import { useCallback } from 'react';
import type { ProductionReport } from '@sextant/core';
import {
  dashedMarkLine,
  categoryAxis,
  valueAxis,
  type BarChartOption,
  type LineChartOption,
} from '../../components/chart/chart-options';
import { chartTooltip, seriesTooltip } from '../../components/chart/chart-tooltip';
import { EChart, cssColor } from '../../components/chart/EChart';
import { formatDate, formatPercent } from '../../lib/format';
import { hitRateText } from './production-text';

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
    tooltip: chartTooltip({
      trigger: 'axis',
      formatter: (params) =>
        seriesTooltip(params, (v) => (typeof v === 'number' ? hitRateText(v) : '—')),
    }),
    xAxis: categoryAxis(
      report.periods.map((p) => p.period),
      { hideOverlap: true, formatter: (period: string) => formatDate(period) },
    ),
    yAxis: valueAxis({
      min: 0,
      // Room above the highest point and the threshold, so the dashed line is always drawn.
      max: ({ max }: { max: number }) => Math.ceil(Math.max(max, threshold ?? 0) * 11) / 10 || 1,
    }),
    series: [
      {
        type: 'line',
        name: `Model hit rate@${report.n ?? 'N'}`,
        data: report.periods.map((p) => p.hitRate),
        symbol: 'circle',
        symbolSize: 6,
        lineStyle: { color: accent, width: 2 },
        itemStyle: { color: accent },
        ...(threshold !== null
          ? {
              markLine: dashedMarkLine(success, `Threshold ${hitRateText(threshold)}`, {
                yAxis: threshold,
                name: 'Threshold',
              }),
            }
          : {}),
      },
      {
        type: 'line',
        name: 'The bar (longest-unchecked)',
        data: report.periods.map((p) => p.bar),
        symbol: 'emptyCircle',
        symbolSize: 5,
        lineStyle: { color: barColor, width: 1.5, type: 'dotted' },
        itemStyle: { color: barColor },
      },
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
    tooltip: chartTooltip({
      trigger: 'axis',
      formatter: (params) =>
        seriesTooltip(params, (v) => (typeof v === 'number' ? formatPercent(v) : '—')),
    }),
    xAxis: categoryAxis(
      report.periods.map((p) => p.period),
      { hideOverlap: true, formatter: (period: string) => formatDate(period) },
    ),
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
