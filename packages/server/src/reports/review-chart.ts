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
  GraphicComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  type GraphicComponentOption,
  type GridComponentOption,
  type LegendComponentOption,
  type MarkLineComponentOption,
  type TitleComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import {
  formatMetricText,
  reviewChartLayout,
  type LineLabelKind,
  type PlacedText,
  type ReviewPoint,
} from '@sextant/core';

use([
  LineChart,
  GraphicComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  SVGRenderer,
]);

type ChartOption = ComposeOption<
  | LineSeriesOption
  | GraphicComponentOption
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
  points: readonly Pick<ReviewPoint, 'name' | 'bestCiValue' | 'baselineValue' | 'promotedValue'>[];
  threshold: number | null;
  currentProcess: { name: string; value: number } | null;
}

const FONT = 'DejaVu Sans, Liberation Sans, Arial, sans-serif';
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
    style: {
      text: t.text,
      fill,
      align,
      verticalAlign: 'middle',
      font: `${fontWeight} ${FONT_SIZE}px ${FONT}`,
    },
  };
}

const LINE_LABEL_COLORS: Record<LineLabelKind, string> = {
  threshold: CHART_COLORS.threshold,
  current: CHART_COLORS.currentProcess,
  baseline: CHART_COLORS.baseline,
};

function chartOption({ metricName, points, threshold, currentProcess }: ReviewChartInput) {
  const layout = reviewChartLayout({
    points,
    threshold,
    currentProcess,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    fontSize: FONT_SIZE,
    axisName: metricName,
  });
  const hasBaseline = layout.baseline.some((v) => v !== null);
  const hasValues = points.some((p) => p.bestCiValue !== null);

  const marks: NonNullable<LineSeriesOption['markLine']>['data'] = [];
  if (threshold !== null) {
    marks.push({
      yAxis: threshold,
      name: 'threshold',
      lineStyle: { color: CHART_COLORS.threshold, type: 'dashed', width: 1.5 },
      label: { show: false },
    });
  }
  if (currentProcess) {
    marks.push({
      yAxis: currentProcess.value,
      name: 'current process',
      lineStyle: { color: CHART_COLORS.currentProcess, type: 'dotted', width: 1.5 },
      label: { show: false },
    });
  }

  const still = { silent: true, emphasis: { disabled: true } } as const;
  const series: LineSeriesOption[] = [
    {
      type: 'line',
      name: 'Best CI run',
      data: layout.best,
      connectNulls: false,
      symbol: 'circle',
      symbolSize: 9,
      // Show every point, even when many sprints share the axis.
      showAllSymbol: true,
      z: 3,
      ...still,
      lineStyle: { color: CHART_COLORS.bestCi, width: 2.5 },
      itemStyle: { color: CHART_COLORS.bestCi },
      markLine: { silent: true, symbol: 'none', animation: false, data: marks },
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
      ...still,
      lineStyle: { color: CHART_COLORS.baseline, width: 2, type: [6, 3] },
      itemStyle: { color: CHART_COLORS.baseline },
    });
  }
  // The lines' legend entries (series with no data: the lines themselves are mark lines).
  if (threshold !== null) {
    series.push({
      type: 'line',
      name: 'Threshold',
      data: [],
      ...still,
      lineStyle: { color: CHART_COLORS.threshold, type: 'dashed', width: 1.5 },
      itemStyle: { color: CHART_COLORS.threshold },
    });
  }
  if (layout.todayName) {
    series.push({
      type: 'line',
      name: layout.todayName,
      data: [],
      ...still,
      lineStyle: { color: CHART_COLORS.currentProcess, type: 'dotted', width: 1.5 },
      itemStyle: { color: CHART_COLORS.currentProcess },
    });
  }

  const option: ChartOption = {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: FONT },
    legend: {
      top: 0,
      left: 0,
      right: 0,
      itemGap: 14,
      selectedMode: false,
      textStyle: { color: CHART_COLORS.muted },
      // Names are drawn as they are: a function, never a template ECharts would interpret.
      formatter: (name: string) => name,
      data: layout.legend,
    },
    grid: { ...layout.grid, containLabel: false },
    xAxis: {
      type: 'category',
      data: layout.categories,
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
      min: layout.axis.min,
      max: layout.axis.max,
      interval: layout.axis.interval,
      silent: true,
      axisLine: { show: true, lineStyle: { color: CHART_COLORS.muted } },
      axisTick: { show: true, lineStyle: { color: CHART_COLORS.muted } },
      axisLabel: { color: CHART_COLORS.muted, formatter: (v: number) => formatMetricText(v) },
      splitLine: { lineStyle: { color: CHART_COLORS.grid } },
    },
    series,
    graphic: [
      ...layout.valueLabels.map((t) => text(t, CHART_COLORS.text, 'center')),
      ...layout.lineLabels.map((t) =>
        text(t, LINE_LABEL_COLORS[t.kind], 'left', t.kind === 'current' ? 'normal' : 'bold'),
      ),
    ],
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
