import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useSprints } from '../../api/sprints';
import { EmptyState, ErrorNotice, Loading } from '../../components/Feedback';
import { PageTitle } from '../../components/PageTitle';
import { PageHeader, Section } from '../../components/Section';
import { ProjectCrumbs, ProjectRoute, type ProjectAccess } from '../project/ProjectSubpage';
import { JiraImportSection } from './JiraImportSection';
import { PlanSprintForm } from './PlanSprintForm';
import { SprintTable } from './SprintTable';
import { sprintPath } from './sprint-text';
import { ReadOnlyNotice } from '../project/ReadOnlyNotice';

function SprintsContent({ project, canEdit }: ProjectAccess) {
  const sprints = useSprints(project.id);
  const [planning, setPlanning] = useState(false);
  const navigate = useNavigate();

  return (
    <div className="page page--wide">
      <PageTitle title={`Sprints · ${project.name}`} />
      <ProjectCrumbs project={project} />
      <PageHeader
        title="Sprints"
        subtitle="Each sprint lasts 1 to 4 weeks and hands over something tangible per story; closing it records what was delivered."
        actions={
          canEdit && !planning && sprints.isSuccess ? (
            <button type="button" className="btn btn--primary" onClick={() => setPlanning(true)}>
              Plan a sprint
            </button>
          ) : null
        }
      />
      {!canEdit ? (
        <ReadOnlyNotice
          project={project}
          title="You can view these sprints."
          readOnly="its sprints are read-only"
        />
      ) : null}
      <Section title="Sprints" className="card--flush-body">
        {planning && sprints.isSuccess ? (
          <PlanSprintForm
            projectId={project.id}
            sprints={sprints.data}
            onCancel={() => setPlanning(false)}
            onDone={(sprint) => navigate(sprintPath(project.id, sprint.id))}
          />
        ) : null}
        {sprints.isPending ? (
          <Loading label="Loading sprints…" />
        ) : sprints.isError ? (
          <ErrorNotice error={sprints.error} onRetry={() => void sprints.refetch()} />
        ) : sprints.data.length === 0 ? (
          planning ? null : (
            <EmptyState
              title="No sprints yet"
              action={
                canEdit ? (
                  <button type="button" className="btn" onClick={() => setPlanning(true)}>
                    Plan the first sprint
                  </button>
                ) : null
              }
            >
              <p>
                {canEdit
                  ? 'Plan the first sprint, or import the sprints you already ran in Jira below.'
                  : 'A member of the team plans the sprints here.'}
              </p>
            </EmptyState>
          )
        ) : (
          <SprintTable projectId={project.id} sprints={sprints.data} />
        )}
      </Section>
      {canEdit ? <JiraImportSection projectId={project.id} /> : null}
    </div>
  );
}

export function SprintsPage() {
  return <ProjectRoute content={SprintsContent} />;
}
