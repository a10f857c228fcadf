import { useState } from 'react';
import type { ProjectDetail, SuccessCriterion } from '@sextant/core';
import { Fact } from '../../components/Fact';
import { EmptyState } from '../../components/Feedback';
import { Section } from '../../components/Section';
import { formatMoney, formatNumber } from '../../lib/format';
import { CriterionForm } from './CriterionForm';

function metricText(criterion: SuccessCriterion): string {
  const metric = criterion.metric;
  if (metric.kind === 'hit_rate_at_n') {
    return `Hit rate@${metric.n}: true positives among the ${metric.n} highest-scored items per period`;
  }
  return `${metric.name} (${metric.direction === 'increase' ? 'higher is better' : 'lower is better'})`;
}

function thresholdText(criterion: SuccessCriterion): string {
  const lowerIsBetter =
    criterion.metric.kind === 'named' && criterion.metric.direction === 'decrease';
  return `${lowerIsBetter ? '≤' : '≥'} ${formatNumber(criterion.threshold)}`;
}

function CriterionSummary({ criterion }: { criterion: SuccessCriterion }) {
  const evaluation = criterion.evaluation;
  return (
    <dl className="facts">
      <Fact label="Metric">
        {metricText(criterion)} <code className="code">{criterion.metricName}</code>
      </Fact>
      <Fact label="Threshold">
        <strong>{thresholdText(criterion)}</strong>
      </Fact>
      <Fact label="Evaluation">
        {evaluation.trainWindow === 'expanding'
          ? 'Expanding train window'
          : `Sliding train window of ${evaluation.trainSize ?? '?'}`}
        , test window {evaluation.testWindow}, step {evaluation.step}
        {evaluation.horizon ? `, horizon ${evaluation.horizon}` : ''}
      </Fact>
      <Fact label="Value model">
        {criterion.valueModel ? (
          <>
            A missed failure costs{' '}
            {formatMoney(criterion.valueModel.costMissed, criterion.valueModel.currency)}; an
            intervention costs{' '}
            {formatMoney(criterion.valueModel.costIntervention, criterion.valueModel.currency)}
          </>
        ) : (
          <span className="muted">None: the metric is not turned into money</span>
        )}
      </Fact>
      <Fact label="Fingerprint">
        <code className="code" aria-label="Evaluation fingerprint">
          {criterion.evaluationFingerprint}
        </code>
        <p className="field__hint">
          Runs are compared only under the same evaluation strategy, recognised by this fingerprint.
        </p>
      </Fact>
    </dl>
  );
}

/** The model metric the sponsor accepts, how it is evaluated, and what it is worth. */
export function CriterionSection({
  project,
  canEdit,
}: {
  project: ProjectDetail;
  canEdit: boolean;
}) {
  const criterion = project.successCriterion;
  const [editing, setEditing] = useState(false);
  const showForm = canEdit && (editing || !criterion);
  return (
    <Section
      title="Success criterion"
      id="success-criterion"
      description="The model metric and threshold the sponsor accepts, and how it is measured."
      actions={
        canEdit && criterion && !editing ? (
          <button type="button" className="btn" onClick={() => setEditing(true)}>
            Edit criterion
          </button>
        ) : null
      }
    >
      {criterion && !showForm ? <CriterionSummary criterion={criterion} /> : null}
      {!criterion && !canEdit ? (
        <EmptyState title="No success criterion yet">
          <p>A member of the team sets the metric, its threshold and evaluation strategy here.</p>
        </EmptyState>
      ) : null}
      {showForm ? (
        <CriterionForm
          projectId={project.id}
          criterion={criterion}
          onDone={() => setEditing(false)}
          onCancel={criterion ? () => setEditing(false) : undefined}
        />
      ) : null}
    </Section>
  );
}
