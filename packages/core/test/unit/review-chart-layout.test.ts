import { describe, expect, it } from 'vitest';
import {
  NEXT_SPRINT,
  legendRows,
  reviewChartLayout,
  segmentHitsRect,
  spreadLabels,
  type Rect,
  type ReviewChartPointInput,
} from '../../src/index.js';

const overlap = (a: Rect, b: Rect) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** A climb that keeps crossing its own baseline steps and ends near the threshold. */
function sprints(n: number): ReviewChartPointInput[] {
  const best = [0.9, 1.1, 1.05, 1.4, 1.3, 1.6, 1.75, 1.7, 1.85, 1.95, 1.9, 2.05];
  let bar: number | null = null;
  return best.slice(0, n).map((value, i) => {
    const point = {
      name: `Sprint ${i + 1}`,
      bestCiValue: value,
      baselineValue: bar,
      promotedValue: bar === null || value > bar ? value : null,
    };
    if (bar === null || value > bar) bar = value;
    return point;
  });
}

describe('the review chart layout', () => {
  for (const n of [1, 3, 12]) {
    for (const [width, height] of [
      [720, 320],
      [360, 280],
    ] as const) {
      it(`puts no label on a line or another label (${n} sprints, ${width}×${height})`, () => {
        const layout = reviewChartLayout({
          points: sprints(n),
          threshold: 2,
          currentProcess: { name: 'Planned maintenance', value: 0.85 },
          width,
          height,
          axisName: 'hit_rate_at_10',
        });
        const labels = [...layout.valueLabels, ...layout.lineLabels].map((l) => l.box);
        // Every value has its label at the report's size; a phone may leave some out.
        if (width === 720) expect(layout.valueLabels).toHaveLength(n);
        else expect(layout.valueLabels.length).toBeGreaterThanOrEqual(Math.min(n, 3));
        labels.forEach((a, i) =>
          labels.slice(i + 1).forEach((b) => expect(overlap(a, b), `${i}`).toBe(false)),
        );
        for (const label of layout.valueLabels) {
          for (const s of layout.segments) expect(segmentHitsRect(s, label.box)).toBe(false);
        }
        for (const label of layout.lineLabels) {
          expect(label.box.left).toBeGreaterThanOrEqual(layout.plot.right);
          expect(label.box.right).toBeLessThanOrEqual(width);
        }
      });
    }
  }

  it('steps into the next sprint with the baseline the last one promoted', () => {
    const layout = reviewChartLayout({
      points: [{ name: 'Sprint 1', bestCiValue: 1.4, baselineValue: 0.9, promotedValue: 1.4 }],
      threshold: 2,
      currentProcess: null,
      width: 720,
      height: 320,
    });
    expect(layout.categories).toEqual(['Sprint 1', NEXT_SPRINT]);
    expect(layout.baseline).toEqual([0.9, 1.4]);
    expect(layout.best).toEqual([1.4, null]);
    expect(layout.lineLabels.map((l) => l.text)).toEqual(['threshold 2', 'baseline 1.4']);
  });

  it('adds no band while the sprint is open', () => {
    const layout = reviewChartLayout({
      points: [{ name: 'Sprint 1', bestCiValue: 1.4, baselineValue: 0.9, promotedValue: null }],
      threshold: null,
      currentProcess: null,
      width: 720,
      height: 320,
    });
    expect(layout.categories).toEqual(['Sprint 1']);
  });
});

describe('the legend', () => {
  it('wraps onto a second row when its names do not fit, and the plot starts lower', () => {
    const names = ['Best CI run', 'Baseline', 'Threshold', 'Today: Planned maintenance'];
    expect(legendRows(names, 720)).toBe(1);
    expect(legendRows(names, 360)).toBe(2);
    const base = {
      points: sprints(3),
      threshold: 2,
      currentProcess: null,
      width: 360,
      height: 280,
    };
    expect(reviewChartLayout(base).plot.top).toBe(44);
    const today = { ...base, currentProcess: { name: 'Planned maintenance', value: 0.85 } };
    expect(reviewChartLayout({ ...today, width: 720 }).legend).toEqual(names);
    expect(reviewChartLayout({ ...today, width: 720 }).plot.top).toBe(44);
    expect(reviewChartLayout(today).plot.top).toBe(66);
    // At 440 px the full name wraps the legend; "Today" alone keeps it on one row.
    expect(reviewChartLayout({ ...today, width: 440 }).plot.top).toBe(66);
    const compact = reviewChartLayout({ ...today, width: 440, compact: true });
    expect(compact.todayName).toBe('Today');
    expect(compact.plot.top).toBe(44);
  });
});

describe('spreading labels apart', () => {
  it('moves the least and keeps order', () => {
    expect(spreadLabels([100, 104, 200], 16, 0, 300)).toEqual([94, 110, 200]);
    expect(spreadLabels([295, 290], 16, 0, 300)).toEqual([292, 276]);
  });
});
