import type { ComponentProps } from 'react';
import type { Badge } from '../components/Badge';

/** A badge's colour. */
export type BadgeTone = NonNullable<ComponentProps<typeof Badge>['tone']>;

/**
 * The label and badge tone of every value of a status, given side by side (`value: [label,
 * tone]`, so a new value gets both at once), as the two lookups the pages read:
 * `const [LABELS, TONES] = labelsAndTones<Status>({ … })`. Both keep the table's order.
 */
export function labelsAndTones<Value extends string>(
  table: Record<Value, readonly [label: string, tone: BadgeTone]>,
): readonly [labels: Record<Value, string>, tones: Record<Value, BadgeTone>] {
  const rows = Object.entries(table) as [Value, readonly [string, BadgeTone]][];
  const labels = Object.fromEntries(rows.map(([value, [label]]) => [value, label]));
  const tones = Object.fromEntries(rows.map(([value, [, tone]]) => [value, tone]));
  return [labels as Record<Value, string>, tones as Record<Value, BadgeTone>];
}
