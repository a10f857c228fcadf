import type { Stage } from '@sextant/core';
import { stageLabel } from '../lib/format';

export function StageBadge({ stage }: { stage: Stage }) {
  return <span className={`badge badge--stage badge--${stage}`}>{stageLabel(stage)}</span>;
}
