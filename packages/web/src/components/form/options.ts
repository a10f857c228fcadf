import type { ReactNode } from 'react';
import type { SelectOption } from './fields';

/**
 * A select's options for a list of values, in their order, each labelled from `labels`: a
 * record by value (`RISK_LEVEL_LABELS`) or a function of the value.
 */
export function optionsOf<T extends string>(
  values: readonly T[],
  labels: Readonly<Record<T, ReactNode>> | ((value: T) => ReactNode),
): SelectOption<T>[] {
  const label = typeof labels === 'function' ? labels : (value: T) => labels[value];
  return values.map((value) => ({ value, label: label(value) }));
}
