/**
 * The sprint-review chart as a self-contained SVG string, drawn on the server with ECharts'
 * server-side renderer (no DOM, no canvas): the same library and look as the web UI's chart,
 * so the report and the review page show one picture.
 *
 * ECharts is large to load on Node (about a second the first time); this module is only
 * imported when a report is asked for (see reports.service.ts).
 */
import { init, use } from 'echarts/core';
import { LineChart, type LineSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type MarkLineComponentOption,
  type TitleComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { niceAxis, type ReviewPoint } from '@sextant/core';

use([LineChart, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, SVGRenderer]);

type ChartOption = ComposeOption<
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | TitleComponentOption
>;

export const CHART_WIDTH = 720;
export const CHART_HEIGHT = 320;

/** The chart's colours; the e2e test looks for the best-CI line's colour in the PDF's picture. */
export const CHART_COLORS = {
  bestCi: '#4f46e5',
  baseline: '#0f766e',
  threshold: '#c62828',
  currentProcess: '#a15c07',
  text: '#1b1f24',
  muted: '#5f6673',
  grid: '#e3e5e9',
} as const;

export interface ReviewChartInput {
  /** The success metric's name, e.g. `hit_rate_at_10`; null before there is a criterion. */
  metricName: string | null;
  points: readonly Pick<ReviewPoint, 'name' | 'bestCiValue' | 'baselineValue'>[];
  threshold: number | null;
  currentProcess: { name: string; value: number } | null;
}

const numberFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 6 });

/** 0.35 → `0.35`, 1234.5 → `1,234.5`: the same on every server (en-GB, fixed). */
export function formatChartNumber(value: number): string {
  return numberFormat.format(value);
}

function chartOption({ metricName, points, threshold, currentProcess }: ReviewChartInput) {
  const values = [
    ...points.flatMap((p) => [p.bestCiValue, p.baselineValue]),
    threshold,
    currentProcess?.value ?? null,
  ].filter((v): v is number => v !== null);
  const axis = niceAxis(values.length > 0 ? values : [0, 1]);
  const hasBaseline = points.some((p) => p.baselineValue !== null);
  const hasValues = points.some((p) => p.bestCiValue !== null);

  // Every label is a function, never a template string: user text such as `{b}` or
  // `{style|…}` in a name must be drawn as it is, not interpreted by ECharts.
  const marks: NonNullable<LineSeriesOption['markLine']>['data'] = [];
  if (threshold !== null) {
    marks.push({
      yAxis: threshold,
      name: 'threshold',
      lineStyle: { color: CHART_COLORS.threshold, type: 'dashed', width: 1.5 },
      label: {
        formatter: () => `threshold ${formatChartNumber(threshold)}`,
        position: 'insideEndTop',
        color: CHART_COLORS.threshold,
        fontWeight: 600,
      },
    });
  }
  if (currentProcess) {
    marks.push({
      yAxis: currentProcess.value,
      name: 'current process',
      lineStyle: { color: CHART_COLORS.currentProcess, type: 'dotted', width: 1.5 },
      label: {
        formatter: () =>
          `current process: ${currentProcess.name} ${formatChartNumber(currentProcess.value)}`,
        position: 'insideStartTop',
        color: CHART_COLORS.currentProcess,
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
      // Show every point, even when many sprints share the axis.
      showAllSymbol: true,
      z: 3,
      silent: true,
      emphasis: { disabled: true },
      lineStyle: { color: CHART_COLORS.bestCi, width: 2.5 },
      itemStyle: { color: CHART_COLORS.bestCi },
      label: {
        show: true,
        position: 'top',
        color: CHART_COLORS.text,
        formatter: (p) => (typeof p.value === 'number' ? formatChartNumber(p.value) : ''),
      },
      markLine: { silent: true, symbol: 'none', animation: false, data: marks },
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
      silent: true,
      emphasis: { disabled: true },
      lineStyle: { color: CHART_COLORS.baseline, width: 2, type: [6, 3] },
      itemStyle: { color: CHART_COLORS.baseline },
      endLabel: {
        show: true,
        color: CHART_COLORS.baseline,
        fontWeight: 600,
        formatter: (p) =>
          `baseline ${typeof p.value === 'number' ? formatChartNumber(p.value) : ''}`,
      },
    });
  }

  const option: ChartOption = {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: 'DejaVu Sans, Liberation Sans, Arial, sans-serif' },
    legend: {
      top: 0,
      right: 0,
      itemGap: 16,
      selectedMode: false,
      textStyle: { color: CHART_COLORS.muted },
      data: hasBaseline ? ['Best CI run', 'Baseline'] : ['Best CI run'],
    },
    grid: { left: 56, right: hasBaseline ? 96 : 24, top: 44, bottom: 36, containLabel: false },
    xAxis: {
      type: 'category',
      data: points.map((p) => p.name),
      silent: true,
      axisLabel: { color: CHART_COLORS.muted, interval: 0, hideOverlap: true },
      axisLine: { lineStyle: { color: CHART_COLORS.muted } },
      axisTick: { show: true, alignWithLabel: true, lineStyle: { color: CHART_COLORS.muted } },
    },
    yAxis: {
      type: 'value',
      name: metricName ?? '',
      nameLocation: 'end',
      nameTextStyle: { color: CHART_COLORS.muted, align: 'left' },
      min: axis.min,
      max: axis.max,
      interval: axis.interval,
      silent: true,
      axisLine: { show: true, lineStyle: { color: CHART_COLORS.muted } },
      axisTick: { show: true, lineStyle: { color: CHART_COLORS.muted } },
      axisLabel: { color: CHART_COLORS.muted, formatter: (v: number) => formatChartNumber(v) },
      splitLine: { lineStyle: { color: CHART_COLORS.grid } },
    },
    series,
  };
  if (!hasValues) {
    option.title = {
      text:
        metricName === null
          ? 'No success criterion yet: nothing to chart'
          : 'No CI run with the success metric yet',
      left: 'center',
      top: 'middle',
      textStyle: { color: CHART_COLORS.muted, fontSize: 14, fontWeight: 'normal' },
    };
  }
  return option;
}

/**
 * ECharts numbers its instances and style classes with process-wide counters
 * (`zr3-cls-17`); renaming them in order of appearance makes the same review give the same
 * bytes every time, and keeps the ids apart from anything else on the page.
 */
function normalizeIds(svg: string): string {
  const classes = new Map<string, string>();
  return svg
    .replace(/\bzr\d+-cls-(\d+)\b/g, (match) => {
      let name = classes.get(match);
      if (!name) {
        name = `sx-review-chart-cls-${classes.size}`;
        classes.set(match, name);
      }
      return name;
    })
    .replace(/\bzr\d+-/g, 'sx-review-chart-');
}

/**
 * The review chart: best CI value per sprint as a line with points, the baseline as a step
 * line, the threshold as a dashed line labelled "threshold", the current-process bar as a
 * dotted line, axes with ticks and the sprint names. Fixed size (720×320, scalable through
 * its viewBox); all text is escaped by the renderer; deterministic output.
 */
export function renderReviewChart(input: ReviewChartInput): string {
  const chart = init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
  });
  try {
    chart.setOption(chartOption(input));
    return normalizeIds(chart.renderToSVGString());
  } finally {
    // Without this the renderer's frame loop keeps the process alive.
    chart.dispose();
  }
}
