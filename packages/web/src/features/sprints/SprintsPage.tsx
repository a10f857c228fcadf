import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useSprints } from '../../api/sprints';
import { EmptyState } from '../../components/Feedback';
import { ListState } from '../../components/ListState';
import { Section } from '../../components/Section';
import { ProjectPageHeader, ProjectRoute, type ProjectAccess } from '../project/ProjectSubpage';
import { JiraImportSection } from './JiraImportSection';
import { PlanSprintForm } from './PlanSprintForm';
import { SprintTable } from './SprintTable';
import { sprintPath } from './sprint-text';

function SprintsContent({ project, canEdit }: ProjectAccess) {
  const sprints = useSprints(project.id);
  const [planning, setPlanning] = useState(false);
  const navigate = useNavigate();

  return (
    <div className="page page--wide">
      <ProjectPageHeader
        project={project}
        title="Sprints"
        subtitle="Each sprint lasts 1 to 4 weeks and hands over something tangible per story; closing it records what was delivered."
        action={
          canEdit &&
          !planning &&
          sprints.isSuccess && { label: 'Plan a sprint', onClick: () => setPlanning(true) }
        }
        readOnly={
          !canEdit && { title: 'You can view these sprints.', what: 'its sprints are read-only' }
        }
      />
      <Section title="Sprints" className="card--flush-body">
        {planning && sprints.isSuccess ? (
          <PlanSprintForm
            projectId={project.id}
            sprints={sprints.data}
            onCancel={() => setPlanning(false)}
            onDone={(sprint) => navigate(sprintPath(project.id, sprint.id))}
          />
        ) : null}
        <ListState
          query={sprints}
          loading="Loading sprints…"
          isEmpty={sprints.data?.length === 0}
          empty={
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
          }
        >
          {(data) => <SprintTable projectId={project.id} sprints={data} />}
        </ListState>
      </Section>
      {canEdit ? <JiraImportSection projectId={project.id} /> : null}
    </div>
  );
}

export function SprintsPage() {
  return <ProjectRoute content={SprintsContent} />;
}
