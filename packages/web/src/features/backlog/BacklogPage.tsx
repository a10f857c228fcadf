import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { BacklogItem } from '@sextant/core';
import { useBacklog } from '../../api/backlog';
import { useRuns } from '../../api/runs';
import { EmptyState } from '../../components/Feedback';
import { ListState } from '../../components/ListState';
import { Section } from '../../components/Section';
import { ProjectPageHeader, ProjectRoute, type ProjectAccess } from '../project/ProjectSubpage';
import { successMetric } from '../runs/run-text';
import { BacklogForm } from './BacklogForm';
import { BacklogTable } from './BacklogTable';

const ALL_RUNS = { provenance: '', branch: '', sortMetric: '', order: 'desc' } as const;

function BacklogContent({ project, canEdit }: ProjectAccess) {
  const backlog = useBacklog(project.id);
  const [params, setParams] = useSearchParams();
  const linkedRun = params.get('run');
  // "Add an improvement idea" on a run, or "Add an idea" on the review, opens the form.
  const [adding, setAdding] = useState(canEdit && (Boolean(linkedRun) || params.has('new')));
  const [editing, setEditing] = useState<BacklogItem | null>(null);
  const runs = useRuns(project.id, ALL_RUNS);
  const recentRuns = runs.data?.pages[0]?.items ?? [];
  const metric = successMetric(project);

  const closeForm = () => {
    setAdding(false);
    setEditing(null);
    if (params.has('run') || params.has('new')) setParams(new URLSearchParams(), { replace: true });
  };

  return (
    <div className="page page--wide">
      <ProjectPageHeader
        project={project}
        title="Backlog"
        subtitle="Improvement ideas from error analysis: what the largest errors showed, the change that could fix it, its effort and expected impact. The simplest come first."
        action={
          canEdit && !adding && !editing && { label: 'Add an idea', onClick: () => setAdding(true) }
        }
        readOnly={
          !canEdit && { title: 'You can view this backlog.', what: 'its backlog is read-only' }
        }
      />
      {adding || editing ? (
        <div className="card card--padded">
          <BacklogForm
            key={editing?.id ?? 'new'}
            projectId={project.id}
            item={editing}
            runs={recentRuns}
            metricName={metric?.name ?? null}
            initialRunId={editing ? null : linkedRun}
            onDone={closeForm}
          />
        </div>
      ) : null}
      <Section title="Improvement ideas" className="card--flush-body">
        <ListState
          query={backlog}
          loading="Loading the backlog…"
          isEmpty={backlog.data?.items.length === 0}
          empty={
            <EmptyState title="No improvement ideas yet">
              {canEdit ? (
                <p>
                  After each sprint, look at the largest errors of the best run: what do they have
                  in common? Write down what you saw, the change you propose, its effort and the
                  impact you expect. The simplest ideas rise to the top.
                </p>
              ) : (
                <p>
                  The team writes down here what the largest errors of each sprint’s best run
                  showed, and the change it proposes. None is written down yet.
                </p>
              )}
            </EmptyState>
          }
        >
          {(data) => (
            <>
              <BacklogTable
                projectId={project.id}
                items={data.items}
                canEdit={canEdit}
                onEdit={(item) => {
                  setAdding(false);
                  setEditing(item);
                }}
              />
              <p className="rule backlog-rule">{data.order}</p>
            </>
          )}
        </ListState>
      </Section>
    </div>
  );
}

export function BacklogPage() {
  return <ProjectRoute content={BacklogContent} />;
}
