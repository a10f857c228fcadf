import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { DeploymentKpis } from '@sextant/core';
import { useDeploymentKpis, useDeployments } from '../../api/deployments';
import { EmptyState, ErrorNotice, Loading } from '../../components/Feedback';
import { Section } from '../../components/Section';
import { formatPercent } from '../../lib/format';
import { ProjectPageHeader, ProjectRoute, type ProjectAccess } from '../project/ProjectSubpage';
import { DeploymentsChart } from './DeploymentsChart';
import { DeploymentsTable } from './DeploymentsTable';
import { formatDays, formatHours } from './deployment-text';
import { FilterSelect, asOptions } from '../../components/FilterSelect';
import { NoMatch, PagedListState } from '../../components/ListState';

/** Environments offered in the filter even before any deployment names them. */
const KNOWN_ENVIRONMENTS = ['production', 'staging'];

function Tile({
  label,
  value,
  detail,
  rule,
}: {
  label: string;
  value: string;
  detail: string;
  rule: string;
}) {
  return (
    <div className="tile" role="listitem" title={rule}>
      <p className="tile__label">{label}</p>
      <p className="tile__value">{value}</p>
      <p className="tile__detail">{detail}</p>
      <p className="rule">{rule}</p>
    </div>
  );
}

function Tiles({ kpis }: { kpis: DeploymentKpis }) {
  const thisMonth = kpis.perMonth.at(-1);
  const lastMonth = kpis.perMonth.at(-2);
  const days = kpis.daysSinceLastProduction;
  return (
    <div className="tiles" role="list" aria-label="Deployment figures">
      <Tile
        label="Production deployments this month"
        value={String(thisMonth?.count ?? 0)}
        detail={`${lastMonth?.count ?? 0} last month`}
        rule={kpis.rules.perMonth}
      />
      <Tile
        label="Deployment days per week"
        value={formatDays(kpis.deploymentDaysPerWeek)}
        detail="median of the last 12 complete weeks"
        rule={kpis.rules.deploymentDaysPerWeek}
      />
      <Tile
        label="Days since last production deployment"
        value={days === null ? '—' : String(days)}
        detail={
          days === null
            ? 'no successful production deployment yet'
            : days === 0
              ? 'deployed today'
              : 'since the last successful one'
        }
        rule={kpis.rules.daysSinceLastProduction}
      />
      <Tile
        label="Change failure rate"
        value={formatPercent(kpis.changeFailureRate)}
        detail={
          kpis.changeFailureRate === null
            ? 'no production deployment in 90 days'
            : 'failed or rolled back, last 90 days'
        }
        rule={kpis.rules.changeFailureRate}
      />
      <Tile
        label="Lead time"
        value={formatHours(kpis.leadTimeHours)}
        detail={
          kpis.leadTimeHours === null
            ? 'no version with a CI run of its commit'
            : 'median, first CI run → production'
        }
        rule={kpis.rules.leadTimeHours}
      />
    </div>
  );
}

function HowDeploymentsArrive({ projectId, canEdit }: { projectId: string; canEdit: boolean }) {
  if (!canEdit) {
    return (
      <EmptyState title="No deployments yet">
        <p>
          Deployments arrive from the team’s CD pipeline, posted with the project’s CI token. None
          has arrived yet.
        </p>
      </EmptyState>
    );
  }
  return (
    <EmptyState title="No deployments yet">
      <p>Deployments arrive from your CD pipeline, posted with the project’s CI token.</p>
      <pre className="code-block">
        <code>
          {`export SEXTANT_URL=${window.location.origin} SEXTANT_TOKEN=<CI token>\nsextant deploy report --project ${projectId} --version 1.4.0 --environment production --status succeeded`}
        </code>
      </pre>
      <p>
        The command reads the commit and job from GitHub Actions or GitLab CI, or send{' '}
        <code>POST /api/v1/projects/{'{id}'}/deployments</code> yourself.
      </p>
    </EmptyState>
  );
}

function DeploymentsContent({ project, canEdit }: ProjectAccess) {
  const [params, setParams] = useSearchParams();
  const environment = params.get('environment') ?? '';
  const kpis = useDeploymentKpis(project.id);
  const deployments = useDeployments(project.id, environment);
  const items = useMemo(
    () => deployments.data?.pages.flatMap((p) => p.items) ?? [],
    [deployments.data],
  );
  const setEnvironment = (next: string) =>
    setParams(next ? new URLSearchParams({ environment: next }) : new URLSearchParams(), {
      replace: true,
    });
  // What the list shows when no deployment is there.
  const empty = environment ? (
    <NoMatch
      title={`No deployment to ${environment}`}
      clear="Show every environment"
      onClear={() => setEnvironment('')}
    />
  ) : (
    <HowDeploymentsArrive projectId={project.id} canEdit={canEdit} />
  );
  const environments = useMemo(
    () =>
      [...new Set([...KNOWN_ENVIRONMENTS, ...items.map((d) => d.environment), environment])]
        .filter(Boolean)
        .sort(),
    [items, environment],
  );

  return (
    <div className="page page--wide">
      <ProjectPageHeader
        project={project}
        title="Deployments"
        subtitle="What CD shipped, where and how it ended. The figures count production deployments, in UTC days; hover a figure for its rule."
      />
      {kpis.isPending ? (
        <Loading label="Loading the figures…" />
      ) : !kpis.data ? (
        <ErrorNotice error={kpis.error} onRetry={() => void kpis.refetch()} />
      ) : (
        <>
          <Tiles kpis={kpis.data} />
          <Section
            title="Production deployments per week"
            description="Succeeded, with failed and rolled-back deployments stacked on top; the current week last."
          >
            <DeploymentsChart weeks={kpis.data.perWeek} />
          </Section>
        </>
      )}
      <div className="card card--flush">
        <div className="card__toolbar">
          <div className="filters" role="group" aria-label="Filter deployments">
            <FilterSelect
              label="Environment"
              all="All environments"
              value={environment}
              options={asOptions(environments)}
              onChange={setEnvironment}
            />
          </div>
        </div>
        <PagedListState query={deployments} loading="Loading deployments…" empty={empty}>
          <DeploymentsTable projectId={project.id} deployments={items} />
        </PagedListState>
      </div>
    </div>
  );
}

export function DeploymentsPage() {
  return <ProjectRoute content={DeploymentsContent} />;
}
