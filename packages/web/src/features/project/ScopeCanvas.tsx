import { useState, type ReactNode } from 'react';
import { POC_CONSTRAINTS, countNamedUsers, type ProjectDetail } from '@sextant/core';
import { Section } from '../../components/Section';
import { withUnit } from '../../lib/format';
import { CONSTRAINT_TEXT, PRODUCTIZATION_TEXT } from './scope-text';
import { ScopeForm } from './ScopeForm';

function Cell({ label, wide, children }: { label: string; wide?: boolean; children: ReactNode }) {
  return (
    <div className={`canvas__cell ${wide ? 'canvas__cell--wide' : ''}`}>
      <dt className="canvas__label">{label}</dt>
      <dd className="canvas__value">{children}</dd>
    </div>
  );
}

const NotSet = ({ children = 'Not set yet' }: { children?: ReactNode }) => (
  <span className="muted">{children}</span>
);

/** The scope canvas: why, for whom, today's process and bar, and how the POC is constrained. */
export function ScopeCanvas({ project, canEdit }: { project: ProjectDetail; canEdit: boolean }) {
  const [editing, setEditing] = useState(false);
  const scope = project.scope;
  const named = countNamedUsers(scope);
  const relaxed = scope.pocConstraints
    ? POC_CONSTRAINTS.find((c) => !scope.pocConstraints?.includes(c))
    : undefined;

  return (
    <Section
      title="Scope"
      id="scope"
      description="Why the project exists, who will use it, and the bar today's process sets."
      action={
        canEdit &&
        !editing && { label: 'Edit scope', onClick: () => setEditing(true), className: 'btn' }
      }
    >
      {editing ? (
        <ScopeForm project={project} onDone={() => setEditing(false)} />
      ) : (
        <dl className="canvas">
          <Cell label="Why" wide>
            {scope.why ? (
              <p className="prose">{scope.why}</p>
            ) : (
              <NotSet>The pain point and the sponsor’s motivation: not written yet</NotSet>
            )}
          </Cell>
          <Cell label="Sponsor">{scope.sponsor || <NotSet />}</Cell>
          <Cell label="Users">
            {scope.users.length === 0 ? (
              <NotSet>No one named yet</NotSet>
            ) : (
              <ul className="plain-list">
                {scope.users.map((user, index) => (
                  <li key={index}>
                    {user.name ? (
                      <strong>{user.name}</strong>
                    ) : (
                      <span className="muted">Unnamed</span>
                    )}
                    {user.role ? <span className="muted"> — {user.role}</span> : null}
                  </li>
                ))}
              </ul>
            )}
            {scope.users.length > 0 && named === 0 ? (
              <p className="hint-warning">Only roles so far: name at least one person.</p>
            ) : null}
          </Cell>
          <Cell label="Current process" wide>
            {scope.currentProcess ? <p className="prose">{scope.currentProcess}</p> : <NotSet />}
          </Cell>
          <Cell label="Current metric (the bar)">
            {scope.currentMetric ? (
              <>
                {scope.currentMetric.name}:{' '}
                <strong>{withUnit(scope.currentMetric.value, scope.currentMetric.unit)}</strong>
              </>
            ) : (
              <NotSet />
            )}
          </Cell>
          <Cell label="Productization">
            {scope.productization ? (
              PRODUCTIZATION_TEXT[scope.productization].label
            ) : (
              <NotSet>Not decided</NotSet>
            )}
          </Cell>
          <Cell label="POC constraints" wide>
            {scope.pocConstraints ? (
              <>
                Fixed:{' '}
                <strong>
                  {scope.pocConstraints
                    .map((c) => CONSTRAINT_TEXT[c].label.toLowerCase())
                    .join(' and ')}
                </strong>
                {relaxed ? (
                  <span className="muted"> · {CONSTRAINT_TEXT[relaxed].label} gives</span>
                ) : null}
              </>
            ) : (
              <NotSet>Not chosen</NotSet>
            )}
          </Cell>
        </dl>
      )}
    </Section>
  );
}
