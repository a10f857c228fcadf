import { useEffect, useRef, useState } from 'react';
import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { errorMessage } from '../../api/errors';
import { Loading } from '../Feedback';

/** ECharts is big: fetched only when a chart is drawn, as its own chunk. */
function loadECharts() {
  return import('./echarts-setup');
}

/** A theme colour from the stylesheet's custom properties, so charts follow the page. */
export function cssColor(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value || fallback;
}

export interface ChartSize {
  width: number;
  height: number;
}

interface EChartProps {
  /** What a screen reader hears instead of the picture. */
  label: string;
  /**
   * The chart's option; `compact` is true while the chart is narrower than `compactBelow`,
   * and `size` is the drawing's size in CSS px (for charts that lay out their own labels).
   */
  option: (compact: boolean, size: ChartSize) => EChartsCoreOption;
  compactBelow?: number;
  className?: string;
}

/**
 * One ECharts chart drawn as SVG (so its text is text): loads ECharts lazily, follows the
 * container's size, and redraws when `option` changes (keep it stable with useCallback).
 */
export function EChart({ label, option, compactBelow = 0, className }: EChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | Error>('loading');
  const [compact, setCompact] = useState(false);
  const [size, setSize] = useState<ChartSize>({ width: 0, height: 0 });

  useEffect(() => {
    let cancelled = false;
    let observer: ResizeObserver | null = null;
    loadECharts()
      .then((echarts) => {
        if (cancelled || !container.current) return;
        chart.current = echarts.init(container.current, null, { renderer: 'svg' });
        observer = new ResizeObserver(() => {
          chart.current?.resize();
          const box = container.current;
          if (!box) return;
          setCompact(box.clientWidth < compactBelow);
          setSize((was) =>
            was.width === box.clientWidth && was.height === box.clientHeight
              ? was
              : { width: box.clientWidth, height: box.clientHeight },
          );
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
  }, [compactBelow]);

  useEffect(() => {
    if (state === 'ready' && size.width > 0) chart.current?.setOption(option(compact, size), true);
  }, [state, compact, size, option]);

  return (
    <div className={className ? `chart ${className}` : 'chart'}>
      {state === 'loading' ? <Loading label="Drawing the chart…" /> : null}
      {state instanceof Error ? <p className="field__error">{state.message}</p> : null}
      <div
        ref={container}
        className={className ? `chart__canvas ${className}__canvas` : 'chart__canvas'}
        role="img"
        aria-label={label}
      />
    </div>
  );
}
