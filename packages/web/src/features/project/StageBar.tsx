import { useState } from 'react';
import { STAGE_PATH, type ProjectDetail, type Stage } from '@sextant/core';
import { stageLabel } from '../../lib/format';
import { StageMoveForm } from './StageMoveForm';

interface StageBarProps {
  project: ProjectDetail;
  canEdit: boolean;
}

type StepState = 'done' | 'current' | 'upcoming';

/** Step labels may break at a soft hyphen, so "Productization" fits a phone's fifth of a row. */
const STEP_LABELS: Partial<Record<Stage, string>> = { productization: 'Product\u00ADization' };

function stepState(step: Stage, current: Stage): StepState {
  if (current === 'dropped') return 'upcoming';
  const at = STAGE_PATH.indexOf(current);
  const index = STAGE_PATH.indexOf(step);
  return index < at ? 'done' : index === at ? 'current' : 'upcoming';
}

/** Where on the page each gate is met. */
const GATE_TARGETS: Record<string, { href: string; label: string }> = {
  named_user: { href: '#scope', label: 'Go to scope' },
  quantifiable_goal: { href: '#goals', label: 'Go to goals' },
  success_criterion: { href: '#success-criterion', label: 'Go to success criterion' },
};

/** `1 thing`, `3 things`. */
const countText = (n: number) => `${n} thing${n === 1 ? '' : 's'}`;

/** Words for a move button: forward, back, drop or restart. */
function moveLabel(from: Stage, to: Stage, next: Stage | null): string {
  if (to === next) return `Move to ${stageLabel(to)}`;
  if (to === 'dropped') return 'Drop project';
  if (from === 'dropped') return `Restart in ${stageLabel(to)}`;
  return `Back to ${stageLabel(to)}`;
}

/**
 * The path scoping → POC → productization → production → retired, where the project is
 * on it, what still blocks the next stage, and the moves the project may make. A reader who
 * may not change the project reads what is missing, not what to do.
 */
export function StageBar({ project, canEdit }: StageBarProps) {
  const [target, setTarget] = useState<Stage | null>(null);
  const next = project.next;
  const otherMoves = project.allowedMoves.filter((stage) => stage !== next?.stage);

  return (
    <section className="card stage-bar" aria-labelledby="stage-title">
      <header className="card__header">
        <div>
          <h2 id="stage-title" className="card__title">
            Stage
          </h2>
          <p className="card__description">
            Moving forward is gated; every move is kept with who, when and why.
          </p>
        </div>
      </header>
      <div className="card__body">
        <ol className="stepper" aria-label="Stages">
          {STAGE_PATH.map((stage, index) => {
            const state = stepState(stage, project.stage);
            return (
              <li
                key={stage}
                className={`stepper__step stepper__step--${state}`}
                aria-current={state === 'current' ? 'step' : undefined}
              >
                <span className="stepper__marker" aria-hidden="true">
                  {state === 'done' ? '✓' : index + 1}
                </span>
                <span className="stepper__label">
                  {STEP_LABELS[stage] ?? stageLabel(stage)}
                  <span className="sr-only">
                    {state === 'current' ? ' (current stage)' : state === 'done' ? ' (done)' : ''}
                  </span>
                </span>
              </li>
            );
          })}
        </ol>
        {project.stage === 'dropped' ? (
          <p className="stage-bar__dropped" aria-current="step">
            <span className="badge badge--stage badge--dropped">Dropped</span> This project was
            dropped. It can be restarted in scoping.
          </p>
        ) : null}

        {next ? (
          <div className="gates" aria-live="polite">
            {next.unmetGates.length > 0 ? (
              <>
                <h3 className="gates__title">
                  {canEdit
                    ? `Before moving to ${stageLabel(next.stage)}, ${countText(next.unmetGates.length)} still ${next.unmetGates.length === 1 ? 'needs' : 'need'} doing:`
                    : `Before moving to ${stageLabel(next.stage)}, ${countText(next.unmetGates.length)} ${next.unmetGates.length === 1 ? 'is' : 'are'} missing:`}
                </h3>
                <ul
                  className="gates__list"
                  aria-label={`Unmet gates for ${stageLabel(next.stage)}`}
                >
                  {next.unmetGates.map((gate) => (
                    <li key={gate.gate} className="gates__item gates__item--unmet">
                      <span>
                        <span className="gates__message">
                          {canEdit ? gate.message : gate.missing}
                        </span>
                        {canEdit && GATE_TARGETS[gate.gate] ? (
                          <a className="gates__link" href={GATE_TARGETS[gate.gate]?.href}>
                            {GATE_TARGETS[gate.gate]?.label}
                          </a>
                        ) : null}
                      </span>
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <p className="gates__ready">Ready for {stageLabel(next.stage)}: every gate is met.</p>
            )}
          </div>
        ) : project.stage === 'retired' ? (
          <p className="muted">Retired is the final stage.</p>
        ) : null}

        {canEdit && project.allowedMoves.length > 0 && !target ? (
          <div className="stage-bar__actions">
            {next ? (
              <button
                type="button"
                className="btn btn--primary"
                onClick={() => setTarget(next.stage)}
              >
                {moveLabel(project.stage, next.stage, next.stage)}
              </button>
            ) : null}
            {otherMoves.map((stage) => (
              <button
                key={stage}
                type="button"
                className={`btn ${stage === 'dropped' ? 'btn--danger-ghost' : ''}`}
                onClick={() => setTarget(stage)}
              >
                {moveLabel(project.stage, stage, next?.stage ?? null)}
              </button>
            ))}
          </div>
        ) : null}
        {canEdit && target ? (
          <StageMoveForm
            projectId={project.id}
            from={project.stage}
            to={target}
            label={moveLabel(project.stage, target, next?.stage ?? null)}
            onDone={() => setTarget(null)}
          />
        ) : null}
      </div>
    </section>
  );
}
