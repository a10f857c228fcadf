import { useEffect, useRef, useState } from 'react';
import type { EChartsType } from 'echarts/core';
import type { ComposeOption } from 'echarts/core';
import type { LineSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import { Loading } from '../../components/Feedback';
import { errorMessage } from '../../api/errors';

type ChartOption = ComposeOption<
  LineSeriesOption | GridComponentOption | MarkLineComponentOption | TooltipComponentOption
>;

export interface RatePoint {
  label: string;
  delivered: number;
  committed: number;
  /** 0..1, null for a sprint that had no story. */
  rate: number | null;
}

/** The 50 % line of the early warning "two sprints in a row below 50 %". */
const THRESHOLD = 50;

/** ECharts is big: it is fetched only when a chart is drawn, as its own chunk. */
function loadECharts() {
  return import('./echarts-setup');
}

function css(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value || fallback;
}

function chartOption(points: RatePoint[]): ChartOption {
  const accent = css('--accent', '#4f46e5');
  const danger = css('--danger', '#c62828');
  const muted = css('--text-muted', '#5f6673');
  const border = css('--border', '#e3e5e9');
  return {
    animation: false,
    grid: { left: 48, right: 24, top: 32, bottom: 40, containLabel: false },
    tooltip: {
      trigger: 'axis',
      formatter: (params) => {
        const list = Array.isArray(params) ? params : [params];
        const index = list[0]?.dataIndex ?? 0;
        const point = points[index];
        if (!point) return '';
        return `${point.label}<br/>${point.delivered} of ${point.committed} delivered (${
          point.rate === null ? '—' : `${Math.round(point.rate * 100)} %`
        })`;
      },
    },
    xAxis: {
      type: 'category',
      data: points.map((p) => p.label),
      axisLabel: { color: muted, interval: 0, hideOverlap: true },
      axisLine: { lineStyle: { color: border } },
      axisTick: { show: false },
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: 100,
      interval: 25,
      axisLabel: { color: muted, formatter: '{value} %' },
      splitLine: { lineStyle: { color: border } },
    },
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
        label: { show: true, position: 'top', formatter: '{c} %', color: css('--text', '#1b1f24') },
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: danger, type: 'dashed', width: 1.5 },
          label: { formatter: '50 % line', position: 'insideEndTop', color: danger },
          data: [{ yAxis: THRESHOLD, name: '50 % line' }],
        },
      },
    ],
  };
}

/** Sprint success rate per closed sprint, with the 50 % line marked. SVG, so it can be read. */
export function SuccessRateChart({ points, label }: { points: RatePoint[]; label: string }) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | Error>('loading');

  useEffect(() => {
    let cancelled = false;
    let observer: ResizeObserver | null = null;
    loadECharts()
      .then((echarts) => {
        if (cancelled || !container.current) return;
        chart.current = echarts.init(container.current, null, { renderer: 'svg' });
        observer = new ResizeObserver(() => chart.current?.resize());
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

  useEffect(() => {
    if (state === 'ready') chart.current?.setOption(chartOption(points), true);
  }, [state, points]);

  return (
    <div className="chart">
      {state === 'loading' ? <Loading label="Drawing the chart…" /> : null}
      {state instanceof Error ? <p className="field__error">{state.message}</p> : null}
      <div ref={container} className="chart__canvas" role="img" aria-label={label} />
    </div>
  );
}
