import { useMemo } from 'react';
import { Link } from 'react-router';
import type { Delivery } from '@sextant/core';
import { useDelivery } from '../../api/delivery';
import { Badge } from '../../components/Badge';
import { DataTable, type Column } from '../../components/DataTable';
import { EmptyState, ErrorNotice, Loading } from '../../components/Feedback';
import { Section } from '../../components/Section';
import { formatDateRange, formatPercent } from '../../lib/format';
import { ProjectPageHeader, ProjectRoute, type ProjectAccess } from '../project/ProjectSubpage';
import { SuccessRateChart, type RatePoint } from './SuccessRateChart';
import { WarningsPanel } from './WarningsPanel';
import { sprintColumn } from '../sprints/sprintColumn';

type DeliverySprintRow = Delivery['sprints'][number];
type Person = Delivery['people'][number];
type Ratio = { numerator: number; denominator: number; rate: number | null };

/** How many closed sprints the per-person table shows, newest last. */
const PERSON_COLUMNS = 4;

const TREND_TEXT: Record<Delivery['trend']['direction'], string> = {
  improving: 'Improving',
  declining: 'Declining',
  flat: 'Flat',
  insufficient_data: 'Not enough sprints',
};

function ratioText(ratio: Ratio | null, unit = 'stories'): string {
  if (!ratio || ratio.denominator === 0) return `no ${unit}`;
  return `${ratio.numerator} of ${ratio.denominator} ${unit}`;
}

/** `+8 points per sprint`: the slope of a 0..1 rate, in percentage points. */
function slopeText(slope: number | null): string {
  if (slope === null) return 'at least 2 closed sprints needed';
  const points = Math.round(slope * 1000) / 10;
  const sign = points > 0 ? '+' : points < 0 ? '−' : '±';
  return `${sign}${Math.abs(points)} points per sprint`;
}

function Rule({ text }: { text: string | undefined }) {
  return text ? <p className="rule">{text}</p> : null;
}

function Tiles({ delivery }: { delivery: Delivery }) {
  const { overall, trend, rules } = delivery;
  const tone =
    trend.direction === 'declining'
      ? 'danger'
      : trend.direction === 'improving'
        ? 'success'
        : 'neutral';
  return (
    <div className="tiles" role="list" aria-label="Delivery figures">
      <div className="tile" role="listitem">
        <p className="tile__label">Sprint success rate</p>
        <p className="tile__value">{formatPercent(overall.success.rate)}</p>
        <p className="tile__detail">
          {ratioText(overall.success)} delivered, over every closed sprint
        </p>
      </div>
      <div className="tile" role="listitem">
        <p className="tile__label">Carry-over rate</p>
        <p className="tile__value">{formatPercent(overall.carryOver.rate)}</p>
        <p className="tile__detail">{ratioText(overall.carryOver)} carried into a next sprint</p>
        <Rule text={rules.carryOverRate} />
      </div>
      <div className="tile" role="listitem">
        <p className="tile__label">Team trend</p>
        <p className="tile__value">
          <Badge tone={tone}>{TREND_TEXT[trend.direction]}</Badge>
        </p>
        <p className="tile__detail">{slopeText(trend.slopePerSprint)}</p>
        <Rule text={rules.teamTrend} />
      </div>
    </div>
  );
}

/** The per-sprint figures, each sprint linking to its board. */
function sprintFigureColumns(projectId: string): Column<DeliverySprintRow>[] {
  return [
    sprintColumn(projectId, (sprint) => formatDateRange(sprint.startDate, sprint.endDate)),
    {
      header: 'Delivered',
      cell: (sprint) =>
        sprint.state === 'closed' ? (
          `${sprint.delivered} of ${sprint.committed}`
        ) : (
          <span className="muted">
            {sprint.committed === 0
              ? 'No stories'
              : `${sprint.committed} stor${sprint.committed === 1 ? 'y' : 'ies'}`}
          </span>
        ),
    },
    {
      header: 'Success rate',
      cell: (sprint) =>
        sprint.successRate ? (
          <strong className={(sprint.successRate.rate ?? 1) < 0.5 ? 'rate--low' : undefined}>
            {formatPercent(sprint.successRate.rate)}
          </strong>
        ) : (
          <span className="muted">{sprint.state === 'active' ? 'Active' : 'Planned'}</span>
        ),
    },
    {
      header: 'By points',
      cell: (sprint) =>
        sprint.successRateByPoints ? formatPercent(sprint.successRateByPoints.rate) : '—',
    },
    { header: 'Added late', cell: (sprint) => sprint.addedAfterStart },
    {
      header: 'Carried over',
      cell: (sprint) => (
        <span>
          {sprint.carriedOver}
          {sprint.carryOverRate?.rate ? (
            <span className="muted small"> ({formatPercent(sprint.carryOverRate.rate)})</span>
          ) : null}
        </span>
      ),
    },
  ];
}

function SprintFigures({
  projectId,
  sprints,
}: {
  projectId: string;
  sprints: DeliverySprintRow[];
}) {
  return (
    <DataTable
      variant="figures"
      label="Success rate per sprint"
      rows={sprints}
      columns={sprintFigureColumns(projectId)}
    />
  );
}

function PeopleTable({ delivery }: { delivery: Delivery }) {
  const closed = delivery.sprints.filter((s) => s.state === 'closed' && s.successRate);
  const columns = closed.slice(-PERSON_COLUMNS);
  if (delivery.people.length === 0) {
    return <p className="muted">No story of a closed sprint had anyone assigned yet.</p>;
  }
  return (
    <DataTable
      variant="people"
      label="Delivery per person"
      rows={delivery.people}
      rowKey={(person) => person.assigneeId ?? 'unassigned'}
      columns={[
        {
          header: 'Person',
          cell: (person) => (
            <span className={person.assigneeId ? 'people__name' : 'muted'}>{person.name}</span>
          ),
        },
        ...columns.map((sprint): Column<Person> => ({
          key: sprint.id,
          header: sprint.name,
          cell: (person) => {
            const entry = person.perSprint.find((p) => p.sprintId === sprint.id);
            return entry ? (
              <span className={entry.delivered < entry.committed ? 'rate--low' : undefined}>
                {entry.delivered}/{entry.committed}
              </span>
            ) : (
              <span className="muted">—</span>
            );
          },
        })),
        {
          header: `Last ${PERSON_COLUMNS} sprints`,
          cell: (person) => (
            <span>
              <strong>{formatPercent(person.lastWindow.rate)}</strong>{' '}
              <span className="muted small">
                ({person.lastWindow.numerator}/{person.lastWindow.denominator})
              </span>
            </span>
          ),
        },
        {
          header: 'Sprints with undelivered',
          cell: (person) =>
            person.sprintsWithUndelivered >= 3 ? (
              <Badge tone="danger">{person.sprintsWithUndelivered}</Badge>
            ) : (
              person.sprintsWithUndelivered
            ),
        },
      ]}
    />
  );
}

function DeliveryContent({ project, canEdit }: ProjectAccess) {
  const delivery = useDelivery(project.id);
  const closed = useMemo(
    () => delivery.data?.sprints.filter((s) => s.state === 'closed') ?? [],
    [delivery.data],
  );
  const points = useMemo<RatePoint[]>(
    () =>
      closed.map((s) => ({
        label: s.name,
        delivered: s.delivered,
        committed: s.committed,
        rate: s.successRate?.rate ?? null,
      })),
    [closed],
  );

  const header = (
    <>
      <ProjectPageHeader
        project={project}
        title="Delivery"
        subtitle="Whether the team delivers what it commits to, sprint after sprint, and who is left with undelivered stories."
      />
    </>
  );

  if (delivery.isPending) {
    return (
      <div className="page page--wide">
        {header}
        <Loading label="Loading delivery figures…" />
      </div>
    );
  }
  if (delivery.isError) {
    return (
      <div className="page page--wide">
        {header}
        <ErrorNotice error={delivery.error} onRetry={() => void delivery.refetch()} />
      </div>
    );
  }
  const data = delivery.data;
  const rules = data.rules;
  const chartLabel =
    `Sprint success rate per closed sprint, 50 % line marked: ` +
    points
      .map((p) => `${p.label} ${p.rate === null ? 'no stories' : formatPercent(p.rate)}`)
      .join(', ');

  return (
    <div className="page page--wide">
      {header}
      <WarningsPanel warnings={data.warnings} sprintsHref={`/projects/${project.id}/sprints`} />
      {closed.length === 0 ? (
        <EmptyState
          title={canEdit ? 'Close a sprint to see its success rate' : 'No sprint closed yet'}
          action={
            <Link to={`/projects/${project.id}/sprints`} className="btn btn--primary">
              {canEdit ? 'Go to sprints' : 'See the sprints'}
            </Link>
          }
        >
          <p>
            A sprint’s success rate is known when it closes: delivered stories out of the stories
            committed.{' '}
            {data.sprints.length > 0
              ? `This project has ${data.sprints.length} sprint${data.sprints.length === 1 ? '' : 's'}, none closed yet.`
              : 'This project has no sprint yet.'}
          </p>
        </EmptyState>
      ) : (
        <>
          <Tiles delivery={data} />
          <Section
            title="Sprint success rate"
            description="Delivered stories out of committed stories, per closed sprint. Two sprints in a row under the 50 % line raise an early warning."
          >
            <SuccessRateChart points={points} label={chartLabel} />
            <Rule text={rules.sprintSuccessRate} />
            <Rule text={rules.sprintSuccessRateByPoints} />
            <details className="figures-details" open>
              <summary>Figures per sprint</summary>
              <SprintFigures projectId={project.id} sprints={data.sprints} />
            </details>
          </Section>
          <Section
            title="Delivery per person"
            description="Delivered out of committed stories, per person."
          >
            <PeopleTable delivery={data} />
            <Rule text={rules.personDeliveryRate} />
          </Section>
        </>
      )}
    </div>
  );
}

export function DeliveryPage() {
  return <ProjectRoute content={DeliveryContent} />;
}
