import type { Project } from '@sextant/core';
import type { SelectOption } from '../../components/form';

/** The projects a person may record for, as select options named with their team. */
export function projectOptions(projects: readonly Project[]): SelectOption<string>[] {
  return projects.map((p) => ({ value: p.id, label: `${p.name} · ${p.teamName}` }));
}
