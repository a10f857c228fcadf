import type { TooltipComponentOption } from 'echarts/components';

/**
 * ECharts writes a tooltip into the page as HTML (innerHTML). Two rules follow:
 * - every text in it is escaped here (sprint, artifact and metric names are anyone's to type);
 * - no `style="…"` attribute: the page's Content-Security-Policy allows no inline style, and
 *   ECharts' own tooltip markup is full of them. These tooltips use classes (`chart-tip__…`,
 *   styled in sprints.css) and an SVG dot whose colour is a presentation attribute.
 */

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text safe to place in HTML, as element content or an attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** A tooltip option with the class every chart's tooltip carries. */
export function chartTooltip(options: TooltipComponentOption): TooltipComponentOption {
  return { renderMode: 'html', className: 'chart-tip', ...options };
}

/** A tooltip body: the title in bold, then one line each. Texts are escaped. */
export function tooltipLines(title: string, lines: readonly string[]): string {
  return [`<strong>${escapeHtml(title)}</strong>`, ...lines.map(escapeHtml)].join('<br/>');
}

/** What ECharts passes a tooltip formatter, as far as these charts read it. */
export interface TooltipParam {
  dataIndex?: number;
  name?: string;
  axisValueLabel?: string;
  seriesName?: string;
  value?: unknown;
  color?: unknown;
}

/** The formatter's argument as a list (axis tooltips pass one entry per series). */
export function paramList(params: unknown): TooltipParam[] {
  return (Array.isArray(params) ? params : [params]) as TooltipParam[];
}

function dot(color: unknown): string {
  const fill = typeof color === 'string' ? escapeHtml(color) : 'currentColor';
  return `<svg class="chart-tip__dot" width="10" height="10" viewBox="0 0 10 10" aria-hidden="true"><circle cx="5" cy="5" r="5" fill="${fill}"/></svg>`;
}

/**
 * What ECharts' default tooltip shows (the category, then per series a coloured dot, its
 * name and its value), without its inline styles.
 */
export function seriesTooltip(params: unknown, valueText: (value: unknown) => string): string {
  const list = paramList(params);
  const title = list[0]?.axisValueLabel ?? list[0]?.name ?? '';
  const rows = list.map(
    (p) =>
      `<span class="chart-tip__row">${dot(p.color)}<span class="chart-tip__name">${escapeHtml(
        p.seriesName ?? '',
      )}</span><span class="chart-tip__value">${escapeHtml(valueText(p.value))}</span></span>`,
  );
  return [`<strong>${escapeHtml(title)}</strong>`, ...rows].join('');
}

/**
 * A tooltip about the row of `rows` under the pointer (the data index the formatter is
 * given), as `body` writes it (escaping its texts, with tooltipLines say); none off the rows.
 * `options` adds to the trigger (an axis pointer, say).
 */
export function rowTooltip<Row>(
  trigger: 'axis' | 'item',
  rows: readonly Row[],
  body: (row: Row) => string,
  options: Omit<TooltipComponentOption, 'trigger' | 'formatter'> = {},
): TooltipComponentOption {
  return chartTooltip({
    trigger,
    ...options,
    formatter: (params) => {
      const row = rows[paramList(params)[0]?.dataIndex ?? 0];
      return row === undefined ? '' : body(row);
    },
  });
}

/** A tooltip in ECharts' default layout (see seriesTooltip), each value as `valueText` says. */
export function seriesChartTooltip(
  trigger: 'axis' | 'item',
  valueText: (value: unknown) => string,
): TooltipComponentOption {
  return chartTooltip({ trigger, formatter: (params) => seriesTooltip(params, valueText) });
}

/** A tooltip value as `format` writes a number, or a dash where there is no number. */
export function numberOrDash(format: (value: number) => string): (value: unknown) => string {
  return (value) => (typeof value === 'number' ? format(value) : '—');
}
