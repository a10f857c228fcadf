import { useCallback } from 'react';
import type { LineSeriesOption } from 'echarts/charts';
import type { ComposeOption } from 'echarts/core';
import type { GraphicComponentOption } from 'echarts/components';
import {
  categoryAxis,
  valueAxis,
  type LineChartOption,
} from '../../components/chart/chart-options';
import {
  reviewChartLayout,
  type LineLabelKind,
  type PlacedText,
  type ReviewPoint,
} from '@sextant/core';
import { rowTooltip, tooltipLines } from '../../components/chart/chart-tooltip';
import { EChart, cssColor, type ChartSize } from '../../components/chart/EChart';
import { formatNumber, formatWholeNumber } from '../../lib/format';

type ReviewChartOption = LineChartOption & ComposeOption<GraphicComponentOption>;

export interface ReviewChartProps {
  metricName: string;
  points: ReviewPoint[];
  threshold: number | null;
  currentProcess: { name: string; value: number } | null;
  /** What a screen reader hears instead of the picture; the figures table says it all too. */
  label: string;
}

/** Below this width (CSS px) the legend drops the process's name, which the table still gives. */
const COMPACT_WIDTH = 520;

const FONT_SIZE = 12;

/** A label placed by core's layout, drawn as is (never a template ECharts would interpret). */
function text(
  t: PlacedText,
  fill: string,
  align: 'center' | 'left',
  fontWeight: 'normal' | 'bold' = 'normal',
): GraphicComponentOption {
  return {
    type: 'text',
    x: t.x,
    y: t.y,
    silent: true,
    style: { text: t.text, fill, align, verticalAlign: 'middle', fontSize: FONT_SIZE, fontWeight },
  };
}

function chartOption(
  { metricName, points, threshold, currentProcess }: Omit<ReviewChartProps, 'label'>,
  compact: boolean,
  size: ChartSize,
): ReviewChartOption {
  const accent = cssColor('--accent', '#4f46e5');
  const danger = cssColor('--danger', '#c62828');
  const warning = cssColor('--warning', '#a15c07');
  const muted = cssColor('--text-muted', '#5f6673');
  const textColor = cssColor('--text', '#1b1f24');
  const baselineColor = '#0f766e';
  const colors: Record<LineLabelKind, string> = {
    threshold: danger,
    current: warning,
    baseline: baselineColor,
  };

  const layout = reviewChartLayout({
    points,
    threshold,
    currentProcess,
    width: size.width,
    height: size.height,
    fontSize: FONT_SIZE,
    compact,
  });
  const hasBaseline = layout.baseline.some((v) => v !== null);

  const marks: NonNullable<LineSeriesOption['markLine']>['data'] = [];
  if (threshold !== null) {
    marks.push({
      yAxis: threshold,
      name: 'threshold',
      lineStyle: { color: danger, type: 'dashed', width: 1.5 },
      label: { show: false },
    });
  }
  if (currentProcess) {
    marks.push({
      yAxis: currentProcess.value,
      name: 'current process',
      lineStyle: { color: warning, type: 'dotted', width: 1.5 },
      label: { show: false },
    });
  }

  const series: LineSeriesOption[] = [
    {
      type: 'line',
      name: 'Best CI run',
      data: layout.best,
      connectNulls: false,
      symbol: 'circle',
      symbolSize: 9,
      showAllSymbol: true,
      z: 3,
      lineStyle: { color: accent, width: 2.5 },
      itemStyle: { color: accent },
      markLine: { silent: true, symbol: 'none', data: marks },
    },
  ];
  if (hasBaseline) {
    series.push({
      type: 'line',
      name: 'Baseline',
      data: layout.baseline,
      step: 'middle',
      connectNulls: false,
      symbol: 'none',
      z: 2,
      lineStyle: { color: baselineColor, width: 2, type: [6, 3] },
      itemStyle: { color: baselineColor },
    });
  }
  // The lines' legend entries: series with no data (the lines themselves are mark lines).
  if (threshold !== null) {
    series.push({
      type: 'line',
      name: 'Threshold',
      data: [],
      lineStyle: { color: danger, type: 'dashed', width: 1.5 },
      itemStyle: { color: danger },
    });
  }
  if (layout.todayName) {
    series.push({
      type: 'line',
      name: layout.todayName,
      data: [],
      lineStyle: { color: warning, type: 'dotted', width: 1.5 },
      itemStyle: { color: warning },
    });
  }

  return {
    animation: false,
    legend: {
      top: 0,
      left: 0,
      right: 0,
      itemGap: 14,
      selectedMode: false,
      textStyle: { color: muted },
      formatter: (name: string) => name,
      data: layout.legend,
    },
    grid: { ...layout.grid, containLabel: false },
    tooltip: rowTooltip('axis', points, (point) => {
      const lines = [
        `Best CI ${metricName}: ${point.bestCiValue === null ? 'no CI run' : formatWholeNumber(point.bestCiValue)}`,
        `Baseline: ${point.baselineValue === null ? 'none yet' : formatWholeNumber(point.baselineValue)}`,
      ];
      if (point.promotedValue !== null) {
        lines.push(`Promoted at its close: ${formatWholeNumber(point.promotedValue)}`);
      }
      if (point.notComparableRuns > 0) {
        lines.push(`${point.notComparableRuns} not comparable (other strategy)`);
      }
      if (point.manualRuns > 0) lines.push(`${point.manualRuns} manual, not counted`);
      return tooltipLines(point.name, lines);
    }),
    xAxis: categoryAxis(layout.categories, { interval: 0, hideOverlap: true }),
    yAxis: valueAxis({
      min: layout.axis.min,
      max: layout.axis.max,
      interval: layout.axis.interval,
      axisLabel: { formatter: (v: number) => formatNumber(v) },
    }),
    series,
    graphic: [
      ...layout.valueLabels.map((t) => text(t, textColor, 'center')),
      ...layout.lineLabels.map((t) =>
        text(t, colors[t.kind], 'left', t.kind === 'current' ? 'normal' : 'bold'),
      ),
    ],
  };
}

/**
 * The success metric per sprint: the best CI run, the baseline as a step line, the threshold
 * as a dashed line and the current process's bar as a dotted one. SVG, so its text is text.
 */
export function ReviewChart(props: ReviewChartProps) {
  const { metricName, points, threshold, currentProcess, label } = props;
  const option = useCallback(
    (compact: boolean, size: ChartSize) =>
      chartOption({ metricName, points, threshold, currentProcess }, compact, size),
    [metricName, points, threshold, currentProcess],
  );
  return (
    <EChart label={label} option={option} compactBelow={COMPACT_WIDTH} className="review-chart" />
  );
}
