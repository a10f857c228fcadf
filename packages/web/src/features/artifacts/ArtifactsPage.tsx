import { useState } from 'react';
import {
  ARTIFACT_KINDS,
  ARTIFACT_KIND_LABELS,
  type Artifact,
  type ArtifactSort,
} from '@sextant/core';
import {
  ARTIFACT_PAGE_SIZE,
  useArtifactKpis,
  useArtifacts,
  useWritableProjects,
  type ArtifactFilters,
} from '../../api/artifacts';
import { EmptyState, ErrorNotice, Loading } from '../../components/Feedback';
import { Section, TitledPageHeader } from '../../components/Section';
import { ArtifactForm } from './ArtifactForm';
import { ArtifactsTable } from './ArtifactsTable';
import { MostReusedChart } from './MostReusedChart';
import { ReuseForm } from './ReuseForm';
import { FilterSelect, labelOptions } from '../../components/FilterSelect';

const SORT_LABELS: Record<ArtifactSort, string> = {
  name: 'Name',
  most_reused: 'Most reused',
  newest: 'Newest',
};

function MostReused() {
  const kpis = useArtifactKpis();
  if (kpis.isPending) return <Loading label="Counting reuses…" />;
  if (kpis.isError) return <ErrorNotice error={kpis.error} onRetry={() => void kpis.refetch()} />;
  const { mostReused, rules } = kpis.data;
  return (
    <>
      {mostReused.length === 0 ? (
        <p className="muted">No artifact has been reused yet.</p>
      ) : (
        <MostReusedChart items={mostReused} />
      )}
      <p className="rule">{rules.mostReused}</p>
    </>
  );
}

/** The workspace catalogue of reusable artifacts: what each project produced, who reused it. */
export function ArtifactsPage() {
  const [filters, setFilters] = useState<ArtifactFilters>({
    kind: '',
    q: '',
    sort: 'name',
    offset: 0,
  });
  const [adding, setAdding] = useState(false);
  const [reusing, setReusing] = useState<Artifact | null>(null);
  const artifacts = useArtifacts(filters);
  const projects = useWritableProjects();
  const writable = projects.data ?? [];
  const change = (patch: Partial<ArtifactFilters>) =>
    setFilters((current) => ({ ...current, offset: 0, ...patch }));

  const page = artifacts.data;
  const first = filters.offset + 1;
  const last = filters.offset + (page?.items.length ?? 0);

  return (
    <div className="page page--wide">
      <TitledPageHeader
        title="Artifacts"
        subtitle="Datasets, tools, frameworks, models, feature pipelines and templates one project produced and others reused. Every team sees the catalogue; projects of other teams stay unnamed."
        action={
          writable.length > 0 &&
          !adding && {
            label: 'Add an artifact',
            onClick: () => {
              setReusing(null);
              setAdding(true);
            },
          }
        }
      />
      {adding ? (
        <div className="card card--padded">
          <ArtifactForm projects={writable} onDone={() => setAdding(false)} />
        </div>
      ) : null}
      {reusing ? (
        <div className="card card--padded">
          <ReuseForm
            key={reusing.id}
            artifact={reusing}
            projects={writable}
            onDone={() => setReusing(null)}
          />
        </div>
      ) : null}
      <div className="artifact-grid">
        <Section title="Catalogue" className="card--flush-body artifact-catalogue">
          <div className="artifact-toolbar filters">
            <FilterSelect
              label="Kind"
              all="All kinds"
              value={filters.kind}
              options={ARTIFACT_KINDS.map((k) => [k, ARTIFACT_KIND_LABELS[k]] as const)}
              onChange={(kind) => change({ kind })}
            />
            <label className="filters__item">
              <span className="filters__label">Search</span>
              <input
                type="search"
                className="filters__text"
                value={filters.q}
                placeholder="Name or description"
                onChange={(e) => change({ q: e.target.value })}
              />
            </label>
            <FilterSelect
              label="Sort"
              value={filters.sort}
              options={labelOptions(SORT_LABELS)}
              onChange={(sort) => change({ sort })}
            />
          </div>
          {artifacts.isPending ? (
            <Loading label="Loading the catalogue…" />
          ) : artifacts.isError ? (
            <ErrorNotice error={artifacts.error} onRetry={() => void artifacts.refetch()} />
          ) : artifacts.data.items.length === 0 ? (
            <EmptyState
              title={filters.kind || filters.q.trim() ? 'No artifact matches' : 'No artifacts yet'}
            >
              {writable.length > 0 ? (
                <p>
                  When a project builds something another project could use — a labelled dataset, a
                  scraping tool, a feature pipeline, a model — add it here, so the next project
                  starts from it instead of from scratch.
                </p>
              ) : (
                <p>
                  Projects list here what they built for others to reuse: labelled datasets,
                  scraping tools, feature pipelines, models.
                </p>
              )}
            </EmptyState>
          ) : (
            <>
              <ArtifactsTable
                items={artifacts.data.items}
                canReuse={writable.length > 0}
                onReuse={(artifact) => {
                  setAdding(false);
                  setReusing(artifact);
                }}
              />
              <div className="artifact-pager">
                <span className="small muted">
                  {first}–{last} of {artifacts.data.total}
                </span>
                <button
                  type="button"
                  className="btn btn--small"
                  disabled={filters.offset === 0}
                  onClick={() =>
                    setFilters((f) => ({
                      ...f,
                      offset: Math.max(0, f.offset - ARTIFACT_PAGE_SIZE),
                    }))
                  }
                >
                  Previous
                </button>
                <button
                  type="button"
                  className="btn btn--small"
                  disabled={artifacts.data.nextOffset === null}
                  onClick={() =>
                    setFilters((f) => ({ ...f, offset: artifacts.data.nextOffset ?? f.offset }))
                  }
                >
                  Next
                </button>
              </div>
            </>
          )}
        </Section>
        <Section
          title="Most reused"
          description="Reuses by other teams’ projects count, but stay unnamed."
        >
          <MostReused />
        </Section>
      </div>
    </div>
  );
}
