import { useId, useState } from 'react';
import { DECISIONS, type Decision, type SprintDecision, type Stage } from '@sextant/core';
import { useRecordDecision } from '../../api/runs';
import { Badge } from '../../components/Badge';
import { Notice } from '../../components/Feedback';
import { FormActions, FormShell, TextareaField, useFormErrors } from '../../components/form';
import { formatDateTime, stageLabel } from '../../lib/format';
import { DECISION_HELP, DECISION_LABELS, DECISION_TONES } from './review-text';

function RecordedDecision({ decision }: { decision: SprintDecision }) {
  return (
    <div className="decision" role="group" aria-label="Recorded decision">
      <p className="decision__head">
        <Badge tone={DECISION_TONES[decision.decision]}>{DECISION_LABELS[decision.decision]}</Badge>
        <span className="muted small">
          {decision.decidedBy ? `${decision.decidedBy.name}, ` : ''}
          <time dateTime={decision.decidedAt}>{formatDateTime(decision.decidedAt)}</time>
        </span>
      </p>
      <blockquote className="decision__rationale">{decision.rationale}</blockquote>
      {decision.stageChange ? (
        <p className="small">
          The project moved from {stageLabel(decision.stageChange.from as Stage)} to{' '}
          {stageLabel(decision.stageChange.to as Stage)}.
        </p>
      ) : null}
    </div>
  );
}

interface DecisionFormProps {
  projectId: string;
  projectName: string;
  projectStage: string;
  sprintId: string;
  decision: SprintDecision | null;
  /** Members and admins of a project that is not archived; viewers read the decision. */
  canDecide: boolean;
}

/**
 * The review's decision: continue, objectives met or drop, with the rationale. Dropping asks
 * once more, because it drops the project. A new decision replaces the shown one; each is kept.
 */
export function DecisionForm({
  projectId,
  projectName,
  projectStage,
  sprintId,
  decision,
  canDecide,
}: DecisionFormProps) {
  const record = useRecordDecision(projectId, sprintId);
  const [editing, setEditing] = useState(false);
  const [choice, setChoice] = useState<Decision | null>(null);
  const [rationale, setRationale] = useState('');
  const [confirmingDrop, setConfirmingDrop] = useState(false);
  const [tried, setTried] = useState(false);
  const [recorded, setRecorded] = useState(false);
  const legendId = useId();
  const errors = useFormErrors(record.error).fields;
  const dropped = projectStage === 'dropped';

  const choiceError = tried && !choice ? 'Choose a decision.' : errors.decision;
  const rationaleError =
    tried && !rationale.trim() ? 'Write the rationale: why this decision.' : errors.rationale;

  const send = (value: Decision) =>
    record.mutate(
      { decision: value, rationale: rationale.trim() },
      {
        onSuccess: () => {
          setEditing(false);
          setConfirmingDrop(false);
          setChoice(null);
          setRationale('');
          setTried(false);
          setRecorded(true);
        },
      },
    );

  const submit = () => {
    setTried(true);
    setRecorded(false);
    if (!choice || !rationale.trim()) return;
    if (choice === 'drop') {
      setConfirmingDrop(true);
      return;
    }
    send(choice);
  };

  const showForm = canDecide && (editing || !decision);

  return (
    <div className="decision-panel">
      {recorded && decision ? <Notice tone="success" title="Decision recorded." /> : null}
      {decision ? (
        <RecordedDecision decision={decision} />
      ) : !canDecide ? (
        <p className="muted">
          No decision recorded yet. A member of the team records it at the sprint review.
        </p>
      ) : null}
      {canDecide && decision && !editing ? (
        <div>
          <button
            type="button"
            className="btn btn--small"
            onClick={() => {
              setEditing(true);
              setRecorded(false);
            }}
          >
            Record a new decision
          </button>
        </div>
      ) : null}
      {showForm ? (
        <FormShell
          label="Record the decision"
          className="form decision-form"
          onSubmit={submit}
          noValidate
          intro={
            decision ? (
              <p className="muted small">
                A new decision replaces the one above on this review; both stay in the record.
              </p>
            ) : null
          }
          notice={record.error && !errors.decision && !errors.rationale ? record.error : null}
          noticeTitle="The decision was not recorded."
        >
          <fieldset
            className={`fieldset fieldset--compact ${choiceError ? 'field--invalid' : ''}`}
            aria-describedby={choiceError ? `${legendId}-error` : undefined}
          >
            <legend className="field__label" id={legendId}>
              Decision
            </legend>
            <div className="choices decision-choices">
              {DECISIONS.map((value) => (
                <label key={value} className={`choice decision-choice decision-choice--${value}`}>
                  <input
                    type="radio"
                    name="decision"
                    value={value}
                    checked={choice === value}
                    disabled={value === 'drop' && dropped}
                    onChange={() => {
                      setChoice(value);
                      setConfirmingDrop(false);
                    }}
                  />
                  <span>
                    <span className="choice__label">{DECISION_LABELS[value]}</span>
                    <span className="choice__help">
                      {value === 'drop' && dropped
                        ? 'The project is already dropped.'
                        : DECISION_HELP[value]}
                    </span>
                  </span>
                </label>
              ))}
            </div>
            {choiceError ? (
              <p id={`${legendId}-error`} className="field__error">
                {choiceError}
              </p>
            ) : null}
          </fieldset>
          <TextareaField
            label="Rationale"
            error={rationaleError}
            hint="Why, in a sentence or two: the numbers and what the sponsor said. It is kept with the decision."
            rows={3}
            value={rationale}
            required
            onChange={setRationale}
          />
          {confirmingDrop ? (
            <div className="confirm confirm--block" role="group" aria-label="Confirm the drop">
              <span className="confirm__question">
                Dropping moves <strong>{projectName}</strong> to Dropped: the project stops here.
                Record the drop?
              </span>
              <span className="confirm__buttons">
                <button
                  type="button"
                  className="btn btn--danger"
                  disabled={record.isPending}
                  onClick={() => send('drop')}
                >
                  {record.isPending ? 'Dropping…' : 'Drop the project'}
                </button>
                <button type="button" className="btn" onClick={() => setConfirmingDrop(false)}>
                  Cancel
                </button>
              </span>
            </div>
          ) : (
            <FormActions
              submitLabel="Record decision"
              pendingLabel="Recording…"
              pending={record.isPending}
              onCancel={
                decision
                  ? () => {
                      setEditing(false);
                      setTried(false);
                      record.reset();
                    }
                  : undefined
              }
            />
          )}
        </FormShell>
      ) : null}
    </div>
  );
}
