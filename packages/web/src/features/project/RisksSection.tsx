import { useState } from 'react';
import type { Risk } from '@sextant/core';
import { useDeleteRisk, useRisks, useUpdateRisk } from '../../api/risks';
import { ConfirmButton } from '../../components/ConfirmButton';
import { EmptyState, ErrorNotice, Loading } from '../../components/Feedback';
import { Section } from '../../components/Section';
import { Badge } from '../../components/Badge';
import { RiskForm } from './RiskForm';
import { RISK_STATUSES, RISK_STATUS_LABELS, levelTone } from './risk-text';

function RiskRow({
  risk,
  projectId,
  canEdit,
  onEdit,
}: {
  risk: Risk;
  projectId: string;
  canEdit: boolean;
  onEdit: () => void;
}) {
  const update = useUpdateRisk(projectId);
  const remove = useDeleteRisk(projectId);
  return (
    <tr>
      <td data-label="Risk">
        <p className="risk__description">{risk.description}</p>
        {risk.affectedRoles.length > 0 ? (
          <p className="risk__roles">Affects: {risk.affectedRoles.join(', ')}</p>
        ) : null}
        {risk.mitigation ? <p className="risk__mitigation">Mitigation: {risk.mitigation}</p> : null}
        {risk.owner ? <p className="risk__owner">Owner: {risk.owner}</p> : null}
        {update.error ? <ErrorNotice error={update.error} /> : null}
        {remove.error ? <ErrorNotice error={remove.error} /> : null}
      </td>
      <td data-label="Likelihood">
        <Badge tone={levelTone(risk.likelihood)}>{risk.likelihood}</Badge>
      </td>
      <td data-label="Impact">
        <Badge tone={levelTone(risk.impact)}>{risk.impact}</Badge>
      </td>
      <td data-label="Status">
        {canEdit ? (
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
        )}
      </td>
      {canEdit ? (
        <td data-label="Actions" className="table__actions">
          <button type="button" className="btn btn--small btn--ghost" onClick={onEdit}>
            Edit<span className="sr-only"> risk</span>
          </button>
          <ConfirmButton
            label="Delete"
            ariaLabel="Delete risk"
            question="Delete this risk?"
            onConfirm={() => remove.mutate(risk.id)}
            pending={remove.isPending}
          />
        </td>
      ) : null}
    </tr>
  );
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
        <table className="table table--stack risks">
          <thead>
            <tr>
              <th scope="col">Risk</th>
              <th scope="col">Likelihood</th>
              <th scope="col">Impact</th>
              <th scope="col">Status</th>
              {canEdit ? (
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {risks.data.map((risk) => (
              <RiskRow
                key={risk.id}
                risk={risk}
                projectId={projectId}
                canEdit={canEdit}
                onEdit={() => setEditing(risk)}
              />
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}
