import type { XAXisComponentOption } from 'echarts';
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

type CategoryAxisOption = Omit<
  Extract<XAXisComponentOption, { type?: 'category' }>,
  'position' | 'mainType'
>;
type ValueAxisOption = Omit<
  Extract<XAXisComponentOption, { type?: 'value' }>,
  'position' | 'mainType'
>;

/** A category axis in the page's colours, without ticks; `axisLabel` adds to its muted labels. */
export function categoryAxis(
  data: string[],
  axisLabel: CategoryAxisOption['axisLabel'] = {},
): CategoryAxisOption {
  return {
    type: 'category',
    data,
    axisLabel: { color: cssColor('--text-muted', '#5f6673'), ...axisLabel },
    axisLine: { lineStyle: { color: cssColor('--border', '#e3e5e9') } },
    axisTick: { show: false },
  };
}

/** A value axis in the page's colours with light split lines; `options` sets range and labels. */
export function valueAxis({
  axisLabel,
  ...options
}: Omit<ValueAxisOption, 'type'> = {}): ValueAxisOption {
  return {
    type: 'value',
    ...options,
    axisLabel: { color: cssColor('--text-muted', '#5f6673'), ...axisLabel },
    splitLine: { lineStyle: { color: cssColor('--border', '#e3e5e9') } },
  };
}

/**
 * Grid and axes of a horizontal bar chart: counts along x, `categories` down y with the first on
 * top (ECharts draws the first category at the bottom, so they are given reversed), long names
 * ending in an ellipsis at `labelWidth` pixels, the labels inside the grid's small margins.
 */
export function horizontalBarLayout(
  categories: readonly string[],
  labelWidth: number,
): Pick<BarChartOption, 'grid' | 'xAxis' | 'yAxis'> {
  return {
    grid: { left: 8, right: 40, top: 8, bottom: 24, containLabel: true },
    xAxis: valueAxis({ minInterval: 1 }),
    yAxis: categoryAxis([...categories].reverse(), { width: labelWidth, overflow: 'truncate' }),
  };
}

/** The value written at the end of each horizontal bar, in the page's text colour. */
export function barEndLabel(): NonNullable<BarSeriesOption['label']> {
  return { show: true, position: 'right', color: cssColor('--text', '#1b1f24') };
}

type LineStyle = NonNullable<LineSeriesOption['lineStyle']>;

/** What sets a line series apart: its name, data and colour, its line's width and dashes. */
export interface LineSpec {
  name: string;
  data: LineSeriesOption['data'];
  /** The line's and its markers' colour (and so the legend's and tooltip's). */
  color: string;
  /** In px; 2 unless given. */
  width?: number;
  /** Solid unless given. */
  dash?: LineStyle['type'];
}

/** A line series drawn in one colour; `options` adds the rest (markers, mark lines, z…). */
export function lineSeries(
  { name, data, color, width = 2, dash }: LineSpec,
  options: Omit<LineSeriesOption, 'type' | 'name' | 'data' | 'lineStyle' | 'itemStyle'> = {},
): LineSeriesOption {
  return {
    type: 'line',
    name,
    data,
    ...options,
    lineStyle: dash === undefined ? { color, width } : { color, width, type: dash },
    itemStyle: { color },
  };
}

/** Round markers of `size` px on every point of a line series. */
export function dots(size: number): Pick<LineSeriesOption, 'symbol' | 'symbolSize'> {
  return { symbol: 'circle', symbolSize: size };
}

/**
 * A dashed line across a line chart at one value (a threshold, the break-even month), in
 * `color`, with `text` at its end; `at` is where (`yAxis` or `xAxis`) and the line's name.
 */
export function dashedMarkLine(
  color: string,
  text: string,
  at: { yAxis: number; name: string } | { xAxis: string; name: string },
): NonNullable<LineSeriesOption['markLine']> {
  return {
    silent: true,
    symbol: 'none',
    lineStyle: { color, type: 'dashed', width: 1.5 },
    label: { formatter: text, position: 'insideEndTop', color },
    data: [at],
  };
}
