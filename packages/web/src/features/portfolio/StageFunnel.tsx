import { useCallback, useMemo } from 'react';
import {
  barEndLabel,
  horizontalBarLayout,
  type BarChartOption as ChartOption,
} from '../../components/chart/chart-options';
import { STAGE_PATH, type Stage } from '@sextant/core';
import { stageLabel } from '../../lib/format';
import { seriesChartTooltip } from '../../components/chart/chart-tooltip';
import { EChart, cssColor } from '../../components/chart/EChart';

/** The forward path top to bottom, then the projects dropped on the way. */
const FUNNEL_STAGES: readonly Stage[] = [...STAGE_PATH, 'dropped'];

interface StageCount {
  stage: Stage;
  count: number;
}

function stageCounts(perStage: Record<string, number>): StageCount[] {
  return FUNNEL_STAGES.map((stage) => ({ stage, count: perStage[stage] ?? 0 }));
}

function chartOption(rows: StageCount[], compact: boolean): ChartOption {
  const accent = cssColor('--accent', '#4f46e5');
  const success = cssColor('--success', '#15803d');
  const subtle = cssColor('--text-subtle', '#858b96');
  // ECharts draws the first category at the bottom: scoping goes on top.
  const drawn = [...rows].reverse();
  return {
    animation: false,
    tooltip: seriesChartTooltip('item', (v) => String(v ?? '—')),
    ...horizontalBarLayout(
      rows.map((r) => stageLabel(r.stage)),
      compact ? 90 : 130,
    ),
    series: [
      {
        type: 'bar',
        name: 'Projects',
        data: drawn.map((r) => ({
          value: r.count,
          itemStyle: {
            color: r.stage === 'dropped' ? subtle : r.stage === 'production' ? success : accent,
          },
        })),
        barMaxWidth: 24,
        itemStyle: { borderRadius: [0, 4, 4, 0] },
        label: barEndLabel(),
      },
    ],
  };
}

/** How many projects are in each stage now, along the path from scoping to retired. */
export function StageFunnel({ perStage }: { perStage: Record<string, number> }) {
  const rows = useMemo(() => stageCounts(perStage), [perStage]);
  const option = useCallback((compact: boolean) => chartOption(rows, compact), [rows]);
  const label = `Projects per stage: ${rows
    .map((r) => `${stageLabel(r.stage)} ${r.count}`)
    .join(', ')}.`;
  return <EChart label={label} option={option} compactBelow={480} className="stage-funnel" />;
}
