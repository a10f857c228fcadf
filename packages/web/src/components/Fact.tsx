import type { ReactNode } from 'react';

/** One row of a list of facts (`<dl className="facts">`): its name, then what it is. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="facts__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
