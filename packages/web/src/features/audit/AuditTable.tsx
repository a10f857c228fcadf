import { Link } from 'react-router';
import type { AuditEvent } from '@sextant/core';
import { DataTable } from '../../components/DataTable';
import { formatDateTime } from '../../lib/format';

/** Where an event's object is shown in Sextant, when it has a page. */
function objectPath(event: AuditEvent): string | null {
  const id = event.targetId;
  if (!id) return null;
  if (event.targetType === 'project') return `/projects/${id}`;
  if (event.targetType === 'team') return `/teams/${id}`;
  if (event.targetType === 'sprint' && event.project) {
    return `/projects/${event.project.id}/sprints/${id}`;
  }
  return null;
}

function Who({ event }: { event: AuditEvent }) {
  const { actor } = event;
  return (
    <span className="audit-who">
      <span>{actor.name}</span>
      {actor.email ? <span className="muted small">{actor.email}</span> : null}
      {actor.kind === 'user' && actor.tokenName ? (
        <span className="muted small">with token “{actor.tokenName}”</span>
      ) : null}
      {actor.kind === 'token' ? <span className="muted small">CI token</span> : null}
    </span>
  );
}

function What({ event }: { event: AuditEvent }) {
  return (
    <span className="audit-what">
      <span>{event.summary}</span>
      <code className="small">{event.action}</code>
    </span>
  );
}

function Which({ event }: { event: AuditEvent }) {
  if (!event.targetType) return <span className="muted">—</span>;
  const path = objectPath(event);
  const name = event.targetName ?? event.targetId ?? '';
  return (
    <span className="audit-object">
      <span className="muted small">{event.targetType}</span>
      {path ? <Link to={path}>{name}</Link> : <span>{name}</span>}
    </span>
  );
}

/** The audit events loaded so far: when, who, what, which object, which project, from where. */
export function AuditTable({ events }: { events: readonly AuditEvent[] }) {
  return (
    <DataTable
      variant="audit-table"
      label="Audit events"
      rows={events}
      columns={[
        {
          header: 'When',
          cell: (e) => <time dateTime={e.at}>{formatDateTime(e.at)}</time>,
        },
        { header: 'Who', cell: (e) => <Who event={e} /> },
        { header: 'What', cell: (e) => <What event={e} /> },
        { header: 'Object', cell: (e) => <Which event={e} /> },
        {
          header: 'Project',
          cell: (e) =>
            e.project ? (
              <Link to={`/projects/${e.project.id}`}>{e.project.name ?? e.project.id}</Link>
            ) : (
              <span className="muted">—</span>
            ),
        },
        {
          header: 'From',
          cell: (e) =>
            e.ip ? <code className="small">{e.ip}</code> : <span className="muted">—</span>,
        },
      ]}
    />
  );
}
