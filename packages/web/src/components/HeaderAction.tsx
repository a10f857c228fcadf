import type { ReactNode } from 'react';

/** The one button a page or section header offers, such as "Add an idea". */
export interface HeaderAction {
  label: ReactNode;
  onClick: () => void;
  /** Defaults to the primary button. */
  className?: string;
}

/** The header's actions: the given ones, else the one action's button, else nothing. */
export function headerActions(
  actions: ReactNode,
  action: HeaderAction | false | null | undefined,
): ReactNode {
  if (actions || !action) return actions;
  return (
    <button
      type="button"
      className={action.className ?? 'btn btn--primary'}
      onClick={action.onClick}
    >
      {action.label}
    </button>
  );
}
