import { useRef, useState, type KeyboardEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { roleAtLeast, type OperatorList } from '@sextant/core';
import { useOperatorList } from '../../api/production';
import { EmptyState, ErrorNotice, Loading } from '../../components/Feedback';
import { SelectField } from '../../components/form';
import { Section } from '../../components/Section';
import { formatDate, todayIso } from '../../lib/format';
import { ProjectPageHeader, ProjectRoute, type ProjectAccess } from '../project/ProjectSubpage';
import { LIST_KEYS, listKeyAction } from './list-keys';
import { ListRow, REASONS_LIST_ID } from './ListRow';
import { useRowSaves } from './row-saves';

/** The request the pipeline sends, as a curl command against this server. */
function predictionsRequest(projectId: string, period: string): string {
  const body = JSON.stringify(
    {
      items: [
        { entity: 'pump-17', period, modelVersion: 'v3', score: 0.91 },
        { entity: 'pump-04', period, modelVersion: 'v3', score: 0.42 },
      ],
    },
    null,
    2,
  );
  return [
    `curl -X POST '${window.location.origin}/api/v1/projects/${projectId}/feedback/predictions' \\`,
    `  -H "Authorization: Bearer $SEXTANT_TOKEN" \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -d '${body}'`,
  ].join('\n');
}

function NoPredictions({ list, projectId }: { list: OperatorList; projectId: string }) {
  const period = list.period ?? todayIso();
  return (
    <>
      <EmptyState
        title={list.period ? `No predictions for ${formatDate(list.period)}` : 'No predictions yet'}
      >
        <p>
          The list shows the model’s top {list.n ?? 'N'} once the team’s pipeline sends its scores
          for the day.
        </p>
      </EmptyState>
      <Section
        title="What the pipeline sends"
        description={
          <>
            One item per entity with the day (<code>period</code>), the model version and the score,
            posted to this project’s feedback API with a CI token that has the{' '}
            <code>feedback:write</code> scope (up to 1,000 items as JSON; CSV or NDJSON in bulk):
          </>
        }
      >
        <pre className="oplist__request">
          <code>{predictionsRequest(projectId, period)}</code>
        </pre>
      </Section>
    </>
  );
}

function KeysHelp() {
  return (
    <Section title="Keyboard" description="Focus a row (click it or Tab to it), then:">
      <dl className="oplist-keys">
        {LIST_KEYS.map((k) => (
          <div key={k.keys} className="oplist-keys__item">
            <dt>
              <kbd>{k.keys}</kbd>
            </dt>
            <dd>{k.does}</dd>
          </div>
        ))}
      </dl>
    </Section>
  );
}

function Rows({
  list,
  projectId,
  canDecide,
}: {
  list: OperatorList & { period: string };
  projectId: string;
  canDecide: boolean;
}) {
  const { saves, send, retry } = useRowSaves(projectId);
  const [active, setActive] = useState(0);
  const rowRefs = useRef<(HTMLLIElement | null)[]>([]);
  const reasonRefs = useRef<(HTMLInputElement | null)[]>([]);
  const slot = (entity: string, what: 'decision' | 'outcome') => `${list.period}/${entity}/${what}`;

  const focusRow = (index: number) => {
    setActive(index);
    rowRefs.current[index]?.focus();
  };
  const rowKey = (index: number) => (event: KeyboardEvent<HTMLLIElement>) => {
    // Keys typed into the reason (or on a button) are theirs.
    if (event.target !== event.currentTarget) return;
    const row = list.rows[index]!;
    if (event.key === 'Tab' && !event.shiftKey) {
      event.preventDefault();
      reasonRefs.current[index]?.focus();
      return;
    }
    const action = listKeyAction(event, index, list.rows.length);
    if (!action) return;
    event.preventDefault();
    if (action.kind === 'move') focusRow(action.index);
    else if (action.kind === 'reason') reasonRefs.current[index]?.focus();
    else if (!canDecide) return;
    else if (action.kind === 'decide') {
      const reason = reasonRefs.current[index]?.value.trim() ?? '';
      void send(slot(row.entity, 'decision'), {
        kind: 'decisions',
        item: {
          entity: row.entity,
          period: list.period,
          modelVersion: row.modelVersion,
          acted: action.acted,
          reason: reason || null,
        },
      });
    } else if (action.kind === 'happened' && row.outcome === null) {
      void send(slot(row.entity, 'outcome'), {
        kind: 'outcomes',
        item: { entity: row.entity, time: list.outcomeWindow!.from, event: list.outcomeEvent },
      });
    }
  };

  return (
    <>
      <datalist id={REASONS_LIST_ID}>
        {list.reasons.map((reason) => (
          <option key={reason} value={reason} />
        ))}
      </datalist>
      <ol className="oplist" aria-label={`Top ${list.n} for ${formatDate(list.period)}`}>
        {list.rows.map((row, index) => (
          <ListRow
            key={`${list.period}/${row.entity}`}
            ref={(el) => {
              rowRefs.current[index] = el;
            }}
            reasonRef={(el) => {
              reasonRefs.current[index] = el;
            }}
            row={row}
            list={list}
            active={index === active}
            canDecide={canDecide}
            decisionSave={saves[slot(row.entity, 'decision')]}
            outcomeSave={saves[slot(row.entity, 'outcome')]}
            onSend={(what, feedback) => void send(slot(row.entity, what), feedback)}
            onRetry={(what) => retry(slot(row.entity, what))}
            onFocusRow={() => focusRow(index)}
            onRowKey={rowKey(index)}
          />
        ))}
      </ol>
    </>
  );
}

function OperatorListContent({ project }: ProjectAccess) {
  const [params, setParams] = useSearchParams();
  const period = params.get('period');
  const query = useOperatorList(project.id, period);
  const canDecide =
    (project.role === 'operator' || roleAtLeast(project.role, 'member')) && !project.archivedAt;
  const list = query.data;
  const periods =
    list?.period && !list.periods.includes(list.period)
      ? [list.period, ...list.periods]
      : (list?.periods ?? []);

  return (
    <div className="page">
      <ProjectPageHeader
        project={project}
        title="Daily list"
        subtitle="The model’s highest-scored entities of the day: record whether you acted on each and why, and later whether the event happened."
      />
      {query.isPending ? (
        <Loading label="Loading the daily list…" />
      ) : query.isError ? (
        <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.status === 'no_criterion' ? (
        <EmptyState
          title="No hit rate@N success criterion"
          action={
            roleAtLeast(project.role, 'member') ? (
              <Link to={`/projects/${project.id}#success-criterion`} className="btn btn--primary">
                Set the success criterion
              </Link>
            ) : null
          }
        >
          <p>
            The list holds the N highest-scored entities a day, N being how many interventions the
            team can make: it needs a hit rate@N success criterion on the project.
          </p>
        </EmptyState>
      ) : (
        <>
          {periods.length > 0 ? (
            <div className="form__row">
              <SelectField
                label="Day"
                className="oplist__day"
                value={query.data.period ?? ''}
                onChange={(value) => setParams(value ? { period: value } : {})}
                options={periods.map((p) => ({ value: p, label: formatDate(p) }))}
              />
            </div>
          ) : null}
          {query.data.status === 'no_predictions' || query.data.period === null ? (
            <NoPredictions list={query.data} projectId={project.id} />
          ) : (
            <>
              <p className="muted oplist__intro">
                Top {query.data.n} by score, ranked as the production figures rank them (ties by
                name). <strong>Event happened</strong> records an outcome “{query.data.outcomeEvent}
                ” on the entity at the start of {formatDate(query.data.period)}, inside the{' '}
                {query.data.horizon} horizon, so the hit rate counts it. Each save is sent once,
                even when retried.
              </p>
              <Rows
                list={{ ...query.data, period: query.data.period }}
                projectId={project.id}
                canDecide={canDecide}
              />
              <KeysHelp />
            </>
          )}
        </>
      )}
    </div>
  );
}

/** The operator's daily list of a project: the top N of a day to act on. */
export function OperatorListPage() {
  return <ProjectRoute content={OperatorListContent} />;
}
