import { useEffect, useRef, useState } from 'react';
import type { ComposeOption, EChartsType } from 'echarts/core';
import type { LineSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import { niceAxis, type ReviewPoint } from '@sextant/core';
import { errorMessage } from '../../api/errors';
import { Loading } from '../../components/Feedback';
import { formatNumber } from '../../lib/format';

type ChartOption = ComposeOption<
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | TooltipComponentOption
>;

export interface ReviewChartProps {
  metricName: string;
  points: ReviewPoint[];
  threshold: number | null;
  currentProcess: { name: string; value: number } | null;
  /** What a screen reader hears instead of the picture; the figures table says it all too. */
  label: string;
}

/** ECharts is big: fetched only when a chart is drawn, as its own chunk (shared with delivery). */
function loadECharts() {
  return import('../delivery/echarts-setup');
}

function css(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value || fallback;
}

/** Below this width (CSS px) line labels drop the process's name, which the table still gives. */
const COMPACT_WIDTH = 520;

function chartOption(
  { metricName, points, threshold, currentProcess }: Omit<ReviewChartProps, 'label'>,
  compact: boolean,
): ChartOption {
  const accent = css('--accent', '#4f46e5');
  const danger = css('--danger', '#c62828');
  const warning = css('--warning', '#a15c07');
  const muted = css('--text-muted', '#5f6673');
  const text = css('--text', '#1b1f24');
  const border = css('--border', '#e3e5e9');
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
    tooltip: {
      trigger: 'axis',
      formatter: (params) => {
        const list = Array.isArray(params) ? params : [params];
        const point = points[list[0]?.dataIndex ?? 0];
        if (!point) return '';
        const lines = [
          `<strong>${point.name}</strong>`,
          `Best CI ${metricName}: ${point.bestCiValue === null ? 'no CI run' : formatNumber(point.bestCiValue)}`,
          `Baseline: ${point.baselineValue === null ? 'none yet' : formatNumber(point.baselineValue)}`,
        ];
        if (point.notComparableRuns > 0) {
          lines.push(`${point.notComparableRuns} not comparable (other strategy)`);
        }
        if (point.manualRuns > 0) lines.push(`${point.manualRuns} manual, not counted`);
        return lines.join('<br/>');
      },
    },
    xAxis: {
      type: 'category',
      data: points.map((p) => p.name),
      axisLabel: { color: muted, interval: 0, hideOverlap: true },
      axisLine: { lineStyle: { color: border } },
      axisTick: { show: false },
    },
    yAxis: {
      type: 'value',
      min: axis.min,
      max: axis.max,
      interval: axis.interval,
      axisLabel: { color: muted, formatter: (v: number) => formatNumber(v) },
      splitLine: { lineStyle: { color: border } },
    },
    series,
  };
}

/**
 * The success metric per sprint: the best CI run, the baseline as a step line, the threshold
 * as a dashed line and the current process's bar as a dotted one. SVG, so its text is text.
 */
export function ReviewChart(props: ReviewChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | Error>('loading');
  const [compact, setCompact] = useState(false);

  useEffect(() => {
    let cancelled = false;
    let observer: ResizeObserver | null = null;
    loadECharts()
      .then((echarts) => {
        if (cancelled || !container.current) return;
        chart.current = echarts.init(container.current, null, { renderer: 'svg' });
        observer = new ResizeObserver(() => {
          chart.current?.resize();
          if (container.current) setCompact(container.current.clientWidth < COMPACT_WIDTH);
        });
        observer.observe(container.current);
        setState('ready');
      })
      .catch((error: unknown) => {
        if (!cancelled) setState(new Error(`The chart could not be drawn: ${errorMessage(error)}`));
      });
    return () => {
      cancelled = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  const { metricName, points, threshold, currentProcess } = props;
  useEffect(() => {
    if (state !== 'ready') return;
    chart.current?.setOption(
      chartOption({ metricName, points, threshold, currentProcess }, compact),
      true,
    );
  }, [state, compact, metricName, points, threshold, currentProcess]);

  return (
    <div className="chart review-chart">
      {state === 'loading' ? <Loading label="Drawing the chart…" /> : null}
      {state instanceof Error ? <p className="field__error">{state.message}</p> : null}
      <div
        ref={container}
        className="chart__canvas review-chart__canvas"
        role="img"
        aria-label={props.label}
      />
    </div>
  );
}
