import type { Locator } from '@playwright/test';

export interface LabelBox {
  text: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface ChartLabelCheck {
  /** The value labels (figures drawn at the points) and the lines' labels. */
  values: LabelBox[];
  lines: LabelBox[];
  /** Pairs of labels whose boxes overlap. */
  overlaps: string[];
  /** Labels a data line (best CI, baseline, threshold, today) passes through. */
  onLines: string[];
}

/**
 * Measures an ECharts SVG chart in the browser: every label's bounding box as Chromium laid it
 * out, and whether a data line's stroke passes through it (`isPointInStroke` on a 1 px grid
 * over the box). Value labels are the texts in `valueColor`; lines' labels start with
 * threshold, today or baseline. Legend icons (above the legend's text bottom) are not lines.
 */
export function checkChartLabels(
  svg: Locator,
  colors: { value: string; lines: string[] },
): Promise<ChartLabelCheck> {
  return svg.evaluate(
    (root, { value, lines }) => {
      const norm = (c: string | null) => (c ?? '').trim().toLowerCase();
      const box = (el: Element, text: string) => {
        const r = el.getBoundingClientRect();
        return { text, left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      };
      const texts = Array.from(root.querySelectorAll('text'));
      const values = texts
        .filter((t) => norm(t.getAttribute('fill')) === value)
        .map((t) => box(t, t.textContent ?? ''));
      const lineLabels = texts
        .filter((t) => /^(threshold|today|baseline) /.test(t.textContent ?? ''))
        .map((t) => box(t, t.textContent ?? ''));
      const legendBottom = Math.max(
        ...texts
          .filter((t) => (t.textContent ?? '') === 'Best CI run')
          .map((t) => t.getBoundingClientRect().bottom),
      );
      const paths = Array.from(root.querySelectorAll('path')).filter(
        (p) =>
          lines.includes(norm(p.getAttribute('stroke'))) &&
          p.getBoundingClientRect().top > legendBottom + 1,
      );
      const all = [...values, ...lineLabels];
      const overlaps: string[] = [];
      all.forEach((a, i) =>
        all.slice(i + 1).forEach((b) => {
          if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) {
            overlaps.push(`${a.text} × ${b.text}`);
          }
        }),
      );
      const onLines: string[] = [];
      for (const label of all) {
        const hit = paths.some((p) => {
          const toUser = p.getScreenCTM()?.inverse();
          if (!toUser) return false;
          for (let y = label.top; y <= label.bottom; y += 1) {
            for (let x = label.left; x <= label.right; x += 1) {
              const point = new DOMPoint(x, y).matrixTransform(toUser);
              if (p.isPointInStroke(point)) return true;
            }
          }
          return false;
        });
        if (hit) onLines.push(label.text);
      }
      return { values, lines: lineLabels, overlaps, onLines };
    },
    { value: colors.value.toLowerCase(), lines: colors.lines.map((c) => c.toLowerCase()) },
  );
}
