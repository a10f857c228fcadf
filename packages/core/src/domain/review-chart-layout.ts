/**
 * Where everything of the sprint-review chart goes, in pixels, so that no label sits on a
 * line or on another label: the web page and the server's report draw from this one layout.
 *
 * The rule: each sprint is a band of the x axis; its best CI run is a point at the band's
 * centre, the baseline in force when it started is a step line over the band, and the
 * baseline its close promoted is the step into the next band (a "next sprint" band when the
 * sprint is the last one shown). Lines' labels (threshold, today's process, the latest
 * baseline) stand in the right margin at their line's height, spread apart; each value label
 * takes the first of ten places around its point that touches no line, point or label, and is
 * left out when there is none (a narrow chart of many sprints).
 */
import { niceAxis } from './chart-axis.js';
import { formatMetricText } from './numbers-format.js';

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface ReviewChartPointInput {
  name: string;
  bestCiValue: number | null;
  baselineValue: number | null;
  /** The baseline this sprint's close promoted (null while open, or when none was). */
  promotedValue?: number | null;
}

export interface ReviewChartLayoutInput {
  points: readonly ReviewChartPointInput[];
  threshold: number | null;
  currentProcess: { name: string; value: number } | null;
  width: number;
  height: number;
  /** Font size of the labels, px. */
  fontSize?: number;
  /** The y axis's name, drawn left-aligned just above the plot: kept clear of value labels. */
  axisName?: string | null;
  /** A narrow chart: the legend names today's process only as "Today". */
  compact?: boolean;
}

export interface PlacedText {
  text: string;
  /** Centre of the label, px from the chart's top left. */
  x: number;
  y: number;
  box: Rect;
}

export type LineLabelKind = 'threshold' | 'current' | 'baseline';

export interface ReviewChartLayout {
  /** Legend names in order; the room above the plot holds as many rows as they wrap to. */
  legend: string[];
  /** The legend's name of today's process line, null without one. */
  todayName: string | null;
  grid: { left: number; right: number; top: number; bottom: number };
  plot: Rect;
  axis: { min: number; max: number; interval: number };
  /** Sprint names, and `next sprint` when the last one shown promoted a baseline. */
  categories: string[];
  best: (number | null)[];
  baseline: (number | null)[];
  valueLabels: PlacedText[];
  /** Left-aligned labels in the right margin: `x` is their left edge. */
  lineLabels: (PlacedText & { kind: LineLabelKind })[];
  /** The lines as drawn, for checks and tests. */
  segments: Segment[];
}

export const NEXT_SPRINT = 'next sprint';

/** Width of `text` in a sans-serif face, on the generous side (digits are 0.64 em in DejaVu Sans). */
export function textWidth(text: string, fontSize: number): number {
  return Math.ceil(text.length * fontSize * 0.64) + 2;
}

const intersects = (a: Rect, b: Rect) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

const inside = (a: Rect, b: Rect) =>
  a.left >= b.left && a.right <= b.right && a.top >= b.top && a.bottom <= b.bottom;

/** Whether the segment passes through the rectangle (Liang–Barsky clipping). */
export function segmentHitsRect(s: Segment, r: Rect): boolean {
  const dx = s.x2 - s.x1;
  const dy = s.y2 - s.y1;
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, s.x1 - r.left],
    [dx, r.right - s.x1],
    [-dy, s.y1 - r.top],
    [dy, r.bottom - s.y1],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return false;
  }
  return true;
}

const grow = (r: Rect, by: number): Rect => ({
  left: r.left - by,
  top: r.top - by,
  right: r.right + by,
  bottom: r.bottom + by,
});

/**
 * Positions `heights`-tall labels wanted at `ys` so that none overlap (`gap` apart at least)
 * and all stay within [min, max]: the least movement, keeping their order.
 */
export function spreadLabels(ys: readonly number[], height: number, min: number, max: number) {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y);
  // Clusters of labels that touch, each centred on the mean of the heights its labels want.
  const clusters: { wants: number[]; top: number }[] = [];
  const clamp = (c: { wants: number[]; top: number }) => {
    const span = c.wants.length * height;
    c.top = Math.min(Math.max(c.top, min), max - span);
  };
  for (const o of order) {
    const c = { wants: [o.y], top: o.y - height / 2 };
    clamp(c);
    clusters.push(c);
    for (;;) {
      const b = clusters.at(-1)!;
      const a = clusters.at(-2);
      if (!a || a.top + a.wants.length * height <= b.top) break;
      const wants = [...a.wants, ...b.wants];
      const mean = wants.reduce((sum, y) => sum + y, 0) / wants.length;
      const merged = { wants, top: mean - (wants.length * height) / 2 };
      clamp(merged);
      clusters.splice(-2, 2, merged);
    }
  }
  const placed = clusters.flatMap((c) => c.wants.map((_, k) => c.top + (k + 0.5) * height));
  const out = new Array<number>(ys.length);
  order.forEach((o, k) => (out[o.i] = placed[k]!));
  return out;
}

/**
 * Rows a plain ECharts legend takes for `names` in `width` px (icon 25 px, gap 14 px): for the
 * room above the plot.
 */
export function legendRows(names: readonly string[], width: number, fontSize = 12): number {
  let rows = 1;
  let used = 0;
  for (const name of names) {
    const item = 25 + 5 + textWidth(name, fontSize);
    if (used > 0 && used + item > width) {
      rows += 1;
      used = 0;
    }
    used += item + 14;
  }
  return rows;
}

/** The chart's layout (see the module's rule). Pure: same input, same pixels. */
export function reviewChartLayout(input: ReviewChartLayoutInput): ReviewChartLayout {
  const fontSize = input.fontSize ?? 12;
  const lineHeight = Math.ceil(fontSize * 1.3);
  const { points, threshold, currentProcess, width, height } = input;
  const last = points.at(-1);
  const stepsOn =
    last?.promotedValue !== undefined &&
    last.promotedValue !== null &&
    last.promotedValue !== last.baselineValue;
  const categories = [...points.map((p) => p.name), ...(stepsOn ? [NEXT_SPRINT] : [])];
  const best = [...points.map((p) => p.bestCiValue), ...(stepsOn ? [null] : [])];
  const baseline = [
    ...points.map((p) => p.baselineValue),
    ...(stepsOn ? [last.promotedValue ?? null] : []),
  ];

  const values = [...best, ...baseline, threshold, currentProcess?.value ?? null].filter(
    (v): v is number => v !== null,
  );
  const axis = niceAxis(values.length > 0 ? values : [0, 1]);

  const latestBaseline = [...baseline].reverse().find((v) => v !== null) ?? null;
  const wanted: { kind: LineLabelKind; text: string; value: number }[] = [];
  if (threshold !== null) {
    wanted.push({
      kind: 'threshold',
      text: `threshold ${formatMetricText(threshold)}`,
      value: threshold,
    });
  }
  if (currentProcess) {
    wanted.push({
      kind: 'current',
      text: `today ${formatMetricText(currentProcess.value)}`,
      value: currentProcess.value,
    });
  }
  if (latestBaseline !== null) {
    wanted.push({
      kind: 'baseline',
      text: `baseline ${formatMetricText(latestBaseline)}`,
      value: latestBaseline,
    });
  }
  const marginWidth = Math.max(24, ...wanted.map((w) => textWidth(w.text, fontSize) + 10));
  const todayName = currentProcess
    ? input.compact
      ? 'Today'
      : `Today: ${currentProcess.name}`
    : null;
  const legend = [
    'Best CI run',
    ...(baseline.some((v) => v !== null) ? ['Baseline'] : []),
    ...(threshold !== null ? ['Threshold'] : []),
    ...(todayName ? [todayName] : []),
  ];
  // A legend that wraps (a phone, a long process name) takes 22 px more a row.
  const top = 44 + (legendRows(legend, width, fontSize) - 1) * 22;
  const grid = { left: 56, right: marginWidth, top, bottom: 36 };
  const plot: Rect = {
    left: grid.left,
    top: grid.top,
    right: width - grid.right,
    bottom: height - grid.bottom,
  };
  const band = (plot.right - plot.left) / Math.max(1, categories.length);
  const xOf = (k: number) => plot.left + (k + 0.5) * band;
  const yOf = (v: number) =>
    plot.bottom - ((v - axis.min) / (axis.max - axis.min)) * (plot.bottom - plot.top);

  const segments: Segment[] = [];
  const horizontal = (v: number) => {
    const y = yOf(v);
    segments.push({ x1: plot.left, y1: y, x2: plot.right, y2: y });
  };
  if (threshold !== null) horizontal(threshold);
  if (currentProcess) horizontal(currentProcess.value);
  for (let k = 0; k + 1 < categories.length; k += 1) {
    const a = best[k];
    const b = best[k + 1];
    if (a != null && b != null)
      segments.push({ x1: xOf(k), y1: yOf(a), x2: xOf(k + 1), y2: yOf(b) });
    const p = baseline[k];
    const q = baseline[k + 1];
    if (p != null && q != null) {
      const mid = (xOf(k) + xOf(k + 1)) / 2;
      segments.push({ x1: xOf(k), y1: yOf(p), x2: mid, y2: yOf(p) });
      segments.push({ x1: mid, y1: yOf(p), x2: mid, y2: yOf(q) });
      segments.push({ x1: mid, y1: yOf(q), x2: xOf(k + 1), y2: yOf(q) });
    }
  }

  // Lines' labels: in the right margin, at their line's height, never on top of each other.
  const ys = spreadLabels(
    wanted.map((w) => yOf(w.value)),
    lineHeight,
    plot.top - lineHeight,
    plot.bottom + lineHeight / 2,
  );
  const lineLabels = wanted.map((w, i) => {
    const w2 = textWidth(w.text, fontSize);
    const x = plot.right + 6;
    const y = ys[i]!;
    return {
      kind: w.kind,
      text: w.text,
      x,
      y,
      box: { left: x, top: y - lineHeight / 2, right: x + w2, bottom: y + lineHeight / 2 },
    };
  });

  // Value labels: the first free place of ten around the point, in this order.
  const symbol = 5;
  const pad = 3;
  const symbols: Rect[] = [];
  best.forEach((v, k) => {
    if (v === null) return;
    const x = xOf(k);
    const y = yOf(v);
    symbols.push({ left: x - symbol, top: y - symbol, right: x + symbol, bottom: y + symbol });
  });
  const area: Rect = {
    left: plot.left + 1,
    top: plot.top - lineHeight,
    right: plot.right - 1,
    bottom: plot.bottom - 1,
  };
  const taken: Rect[] = [...lineLabels.map((l) => l.box)];
  if (input.axisName) {
    const top = plot.top - lineHeight - 6;
    taken.push({
      left: plot.left - 2,
      top,
      right: plot.left + textWidth(input.axisName, fontSize),
      bottom: top + lineHeight,
    });
  }
  const valueLabels: PlacedText[] = [];
  best.forEach((v, k) => {
    if (v === null) return;
    const text = formatMetricText(v);
    const w = textWidth(text, fontSize);
    const h = lineHeight;
    const x = xOf(k);
    const y = yOf(v);
    const up = y - symbol - pad - h / 2;
    const down = y + symbol + pad + h / 2;
    const side = symbol + pad + w / 2;
    const candidates: [number, number][] = [
      [x, up],
      [x, down],
      [x - side, up],
      [x + side, up],
      [x - side, down],
      [x + side, down],
      [x - side, y],
      [x + side, y],
      [x, up - h],
      [x, down + h],
    ];
    const boxOf = ([cx, cy]: [number, number]): Rect => ({
      left: cx - w / 2,
      top: cy - h / 2,
      right: cx + w / 2,
      bottom: cy + h / 2,
    });
    const clashes = (r: Rect) => {
      const g = grow(r, 2);
      return (
        (inside(r, area) ? 0 : 100) +
        segments.filter((s) => segmentHitsRect(s, g)).length +
        symbols.filter((s) => intersects(s, g)).length +
        taken.filter((t) => intersects(t, g)).length
      );
    };
    let chosen = candidates[0]!;
    let least = Infinity;
    for (const c of candidates) {
      const n = clashes(boxOf(c));
      if (n < least) {
        least = n;
        chosen = c;
      }
      if (n === 0) break;
    }
    // No free place (a narrow chart with many sprints): the label is left out, never drawn on
    // something; the figures table and the tooltip still give the value.
    if (least > 0) return;
    const box = boxOf(chosen);
    taken.push(box);
    valueLabels.push({ text, x: chosen[0], y: chosen[1], box });
  });

  return {
    legend,
    todayName,
    grid,
    plot,
    axis,
    categories,
    best,
    baseline,
    valueLabels,
    lineLabels,
    segments,
  };
}
