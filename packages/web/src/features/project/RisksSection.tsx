import { useState } from 'react';
import type { Risk } from '@sextant/core';
import { useDeleteRisk, useRisks, useUpdateRisk } from '../../api/risks';
import { ConfirmButton } from '../../components/ConfirmButton';
import { EmptyState, ErrorNotice, Loading } from '../../components/Feedback';
import { Section } from '../../components/Section';
import { Badge } from '../../components/Badge';
import { DataTable, actionsColumn, type MaybeColumn } from '../../components/DataTable';
import { RiskForm } from './RiskForm';
import { RISK_STATUSES, RISK_STATUS_LABELS, levelTone } from './risk-text';

/** Each risk's own status change and removal, so a failure shows on its row. */
function useRiskMutations(risk: Risk) {
  const update = useUpdateRisk(risk.projectId);
  const remove = useDeleteRisk(risk.projectId);
  return { update, remove };
}

type RiskMutations = ReturnType<typeof useRiskMutations>;

function riskColumns(
  canEdit: boolean,
  onEdit: (risk: Risk) => void,
): MaybeColumn<Risk, RiskMutations>[] {
  return [
    {
      header: 'Risk',
      cell: (risk, _index, { update, remove }) => (
        <>
          <p className="risk__description">{risk.description}</p>
          {risk.affectedRoles.length > 0 ? (
            <p className="risk__roles">Affects: {risk.affectedRoles.join(', ')}</p>
          ) : null}
          {risk.mitigation ? (
            <p className="risk__mitigation">Mitigation: {risk.mitigation}</p>
          ) : null}
          {risk.owner ? <p className="risk__owner">Owner: {risk.owner}</p> : null}
          {update.error ? <ErrorNotice error={update.error} /> : null}
          {remove.error ? <ErrorNotice error={remove.error} /> : null}
        </>
      ),
    },
    {
      header: 'Likelihood',
      cell: (risk) => <Badge tone={levelTone(risk.likelihood)}>{risk.likelihood}</Badge>,
    },
    {
      header: 'Impact',
      cell: (risk) => <Badge tone={levelTone(risk.impact)}>{risk.impact}</Badge>,
    },
    {
      header: 'Status',
      cell: (risk, _index, { update }) =>
        canEdit ? (
          <select
            aria-label={`Status of risk: ${risk.description}`}
            value={risk.status}
            disabled={update.isPending}
            onChange={(e) =>
              update.mutate({
                riskId: risk.id,
                body: { status: e.target.value as Risk['status'] },
              })
            }
          >
            {RISK_STATUSES.map((status) => (
              <option key={status} value={status}>
                {RISK_STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        ) : (
          RISK_STATUS_LABELS[risk.status]
        ),
    },
    canEdit &&
      actionsColumn((risk: Risk, _index, { remove }: RiskMutations) => (
        <>
          <button type="button" className="btn btn--small btn--ghost" onClick={() => onEdit(risk)}>
            Edit<span className="sr-only"> risk</span>
          </button>
          <ConfirmButton
            label="Delete"
            ariaLabel="Delete risk"
            question="Delete this risk?"
            onConfirm={() => remove.mutate(risk.id)}
            pending={remove.isPending}
          />
        </>
      )),
  ];
}

/** Disruption and reorganisation risks: who is affected, how likely, how bad, what is done. */
export function RisksSection({ projectId, canEdit }: { projectId: string; canEdit: boolean }) {
  const risks = useRisks(projectId);
  const [editing, setEditing] = useState<Risk | 'new' | null>(null);

  return (
    <Section
      title="Risks"
      id="risks"
      description="How the solution may disrupt people’s work or the organisation, and what is done about it."
      actions={
        canEdit && editing === null ? (
          <button type="button" className="btn" onClick={() => setEditing('new')}>
            Add risk
          </button>
        ) : null
      }
    >
      {editing !== null ? (
        <RiskForm
          projectId={projectId}
          risk={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      ) : null}
      {risks.isPending ? (
        <Loading />
      ) : risks.isError ? (
        <ErrorNotice error={risks.error} onRetry={() => void risks.refetch()} />
      ) : risks.data.length === 0 ? (
        editing === null ? (
          <EmptyState title="No risks recorded">
            <p>
              {canEdit
                ? 'Will anyone’s role change when the model is used? Add a risk with the roles it affects and its mitigation.'
                : 'No one has recorded a disruption risk for this project yet.'}
            </p>
          </EmptyState>
        ) : null
      ) : (
        <DataTable
          className="table table--stack risks"
          rows={risks.data}
          rowKey={(risk) => risk.id}
          useRowState={useRiskMutations}
          columns={riskColumns(canEdit, setEditing)}
        />
      )}
    </Section>
  );
}
