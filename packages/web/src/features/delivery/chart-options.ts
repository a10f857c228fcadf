import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import { cssColor } from './EChart';

/** What the line charts (review, ROI, success rate) may set. */
export type LineChartOption = ComposeOption<
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | TooltipComponentOption
>;

/** What the bar charts (deployments, stages, artifacts) may set. */
export type BarChartOption = ComposeOption<
  BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

/**
 * Axes of a horizontal bar chart: counts along x, `categories` down y with the first on top
 * (ECharts draws the first category at the bottom, so they are given reversed), long names
 * ending in an ellipsis at `labelWidth` pixels.
 */
export function horizontalBarAxes(
  categories: readonly string[],
  labelWidth: number,
): Pick<BarChartOption, 'xAxis' | 'yAxis'> {
  const muted = cssColor('--text-muted', '#5f6673');
  const border = cssColor('--border', '#e3e5e9');
  return {
    xAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { color: muted },
      splitLine: { lineStyle: { color: border } },
    },
    yAxis: {
      type: 'category',
      data: [...categories].reverse(),
      axisLabel: { color: muted, width: labelWidth, overflow: 'truncate' },
      axisLine: { lineStyle: { color: border } },
      axisTick: { show: false },
    },
  };
}
