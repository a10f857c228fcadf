import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { RunFilters as Filters } from '../../api/keys';
import { useRuns } from '../../api/runs';
import { useSprints } from '../../api/sprints';
import { EmptyState } from '../../components/Feedback';
import { ProjectPageHeader, ProjectRoute, type ProjectAccess } from '../project/ProjectSubpage';
import { RunCompare } from './RunCompare';
import { RunFilters } from './RunFilters';
import { RunTable } from './RunTable';
import { MANUAL_EXPLANATION, orderMetricNames, successMetric } from './run-text';
import { NoMatch, PagedListState } from '../../components/ListState';

const NO_FILTERS: Filters = { provenance: '', branch: '', sortMetric: '', order: 'desc' };

function filtersFrom(params: URLSearchParams): Filters {
  const provenance = params.get('provenance');
  return {
    provenance: provenance === 'ci' || provenance === 'manual' ? provenance : '',
    branch: params.get('branch') ?? '',
    sortMetric: params.get('sort') ?? '',
    order: params.get('order') === 'asc' ? 'asc' : 'desc',
  };
}

/** The two runs in `?compare=a,b`, or null. */
function compareFrom(params: URLSearchParams): [string, string] | null {
  const [a, b, ...rest] = (params.get('compare') ?? '').split(',').filter(Boolean);
  return a && b && rest.length === 0 && a !== b ? [a, b] : null;
}

/**
 * Filters, sort and the comparison live in the address, so a filtered list or a comparison
 * can be shared and survives a reload.
 */
function useRunsAddress() {
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const filters = useMemo(() => filtersFrom(new URLSearchParams(search)), [search]);
  const compare = useMemo(() => compareFrom(new URLSearchParams(search)), [search]);
  const write = useCallback(
    (next: Filters, pair: [string, string] | null) => {
      const out = new URLSearchParams();
      if (next.provenance) out.set('provenance', next.provenance);
      if (next.branch) out.set('branch', next.branch);
      if (next.sortMetric) {
        out.set('sort', next.sortMetric);
        if (next.order !== 'desc') out.set('order', next.order);
      }
      if (pair) out.set('compare', pair.join(','));
      setParams(out, { replace: !pair });
    },
    [setParams],
  );
  return { filters, compare, write };
}

function HowRunsArrive({ projectId, canEdit }: { projectId: string; canEdit: boolean }) {
  if (!canEdit) {
    return (
      <EmptyState title="No runs yet">
        <p>
          Runs arrive from the team’s pipeline: after each evaluation, CI posts the metrics with the
          project’s CI token. None has arrived yet.
        </p>
      </EmptyState>
    );
  }
  return (
    <EmptyState
      title="No runs yet"
      action={
        <>
          <Link to={`/projects/${projectId}#ci-tokens`} className="btn btn--primary">
            Create a CI token
          </Link>{' '}
          <a href="/api/docs" className="btn">
            API docs
          </a>
        </>
      }
    >
      <p>
        Runs arrive from your pipeline: after each evaluation, CI posts the metrics with the
        project’s CI token.
      </p>
      <pre className="code-block">
        <code>
          {`export SEXTANT_URL=${window.location.origin} SEXTANT_TOKEN=<CI token>\nsextant run report --project ${projectId} --metric hit_rate_at_10=0.42`}
        </code>
      </pre>
      <p>
        The command reads the commit, branch and job from GitHub Actions or GitLab CI, or send{' '}
        <code>POST /api/v1/projects/{'{id}'}/runs</code> yourself. Runs posted by a person are
        recorded as manual: shown here, never used for baselines, charts or KPIs.
      </p>
    </EmptyState>
  );
}

function RunsContent({ project, canEdit }: ProjectAccess) {
  const { filters, compare, write } = useRunsAddress();
  const runs = useRuns(project.id, filters);
  const sprints = useSprints(project.id);
  const [selected, setSelected] = useState<string[]>(() => compare ?? []);
  const metric = successMetric(project);

  // A comparison opened from the address shows its two runs as ticked.
  useEffect(() => {
    if (compare) setSelected(compare);
  }, [compare]);

  const items = useMemo(() => runs.data?.pages.flatMap((p) => p.items) ?? [], [runs.data]);
  const sprintNames = useMemo(
    () => new Map((sprints.data ?? []).map((s) => [s.id, s.name])),
    [sprints.data],
  );
  const metricNames = useMemo(
    () =>
      orderMetricNames(
        [
          ...items.flatMap((r) => Object.keys(r.metrics)),
          ...(metric ? [metric.name] : []),
          ...(filters.sortMetric ? [filters.sortMetric] : []),
        ],
        metric?.name ?? null,
      ),
    [items, metric, filters.sortMetric],
  );
  const branches = useMemo(
    () => [...new Set(items.flatMap((r) => (r.branch ? [r.branch] : [])))].sort(),
    [items],
  );
  const setFilters = useCallback((next: Filters) => write(next, compare), [write, compare]);
  const filtered = Boolean(filters.provenance || filters.branch);
  // What the list shows when no run is there.
  const empty = filtered ? (
    <NoMatch title="No run matches these filters" onClear={() => setFilters(NO_FILTERS)} />
  ) : (
    <HowRunsArrive projectId={project.id} canEdit={canEdit} />
  );

  const toggle = (runId: string, on: boolean) =>
    setSelected((current) =>
      on
        ? [...current.filter((id) => id !== runId), runId].slice(-2)
        : current.filter((id) => id !== runId),
    );

  return (
    <div className="page page--wide">
      <ProjectPageHeader
        project={project}
        title="Runs"
        subtitle={
          <>
            Every pipeline run that produced metrics, newest first. Only CI runs count: manual runs
            are shown for reference.
            {metric ? (
              <>
                {' '}
                The success metric is <code>{metric.name}</code>.
              </>
            ) : null}
          </>
        }
      />
      {compare ? (
        <RunCompare
          key={compare.join(',')}
          projectId={project.id}
          runIds={compare}
          metric={metric}
          sprintNames={sprintNames}
          onClose={() => {
            write(filters, null);
            setSelected([]);
          }}
        />
      ) : null}
      <div className="card card--flush">
        <div className="card__toolbar run-toolbar">
          <RunFilters
            filters={filters}
            onChange={setFilters}
            metricNames={metricNames}
            branches={branches}
          />
          <div className="run-toolbar__compare">
            <span className="muted small" aria-live="polite">
              {selected.length === 0
                ? 'Tick two runs to compare them.'
                : selected.length === 1
                  ? '1 run ticked: tick one more.'
                  : '2 runs ticked.'}
            </span>
            <button
              type="button"
              className="btn btn--small btn--primary"
              disabled={selected.length !== 2}
              onClick={() => {
                const [a, b] = selected;
                if (a && b) write(filters, [a, b]);
              }}
            >
              Compare
            </button>
          </div>
        </div>
        <p className="run-legend">
          <span className="badge badge--warning">Manual</span> {MANUAL_EXPLANATION}
        </p>
        <PagedListState query={runs} loading="Loading runs…" empty={empty} withError>
          <RunTable
            projectId={project.id}
            runs={items}
            metric={metric}
            sprintNames={sprintNames}
            selected={selected}
            selectionFull={selected.length >= 2}
            onToggle={toggle}
          />
        </PagedListState>
      </div>
    </div>
  );
}

export function RunsPage() {
  return <ProjectRoute content={RunsContent} />;
}
