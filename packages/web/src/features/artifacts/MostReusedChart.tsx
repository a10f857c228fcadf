import { useCallback } from 'react';
import {
  barEndLabel,
  horizontalBarLayout,
  type BarChartOption as ChartOption,
} from '../../components/chart/chart-options';
import type { WorkspaceArtifactKpis } from '@sextant/core';
import { rowTooltip, tooltipLines } from '../../components/chart/chart-tooltip';
import { EChart, cssColor } from '../../components/chart/EChart';

type MostReused = WorkspaceArtifactKpis['mostReused'];

function chartOption(items: MostReused, compact: boolean): ChartOption {
  const accent = cssColor('--accent', '#4f46e5');
  // Most reused on top: ECharts draws the first category at the bottom.
  const rows = [...items].reverse();
  return {
    animation: false,
    tooltip: rowTooltip('item', rows, (item) => {
      const hidden = item.hiddenReuses > 0 ? ` (${item.hiddenReuses} by other teams)` : '';
      return tooltipLines(item.name, [
        `${item.reuseCount} reuse${item.reuseCount === 1 ? '' : 's'}${hidden}`,
      ]);
    }),
    // Long names end in an ellipsis; the tooltip and the label for screen readers have them whole.
    ...horizontalBarLayout(
      items.map((r) => r.name),
      compact ? 120 : 200,
    ),
    series: [
      {
        type: 'bar',
        name: 'Reuses',
        data: rows.map((r) => r.reuseCount),
        barMaxWidth: 22,
        itemStyle: { color: accent, borderRadius: [0, 4, 4, 0] },
        label: barEndLabel(),
      },
    ],
  };
}

/** The most reused artifacts of the workspace as horizontal bars, most reused on top. */
export function MostReusedChart({ items }: { items: MostReused }) {
  const option = useCallback((compact: boolean) => chartOption(items, compact), [items]);
  const label = `Most reused artifacts: ${items
    .map((i) => `${i.name}, ${i.reuseCount} reuse${i.reuseCount === 1 ? '' : 's'}`)
    .join('; ')}.`;
  return <EChart label={label} option={option} compactBelow={520} className="artifact-chart" />;
}
