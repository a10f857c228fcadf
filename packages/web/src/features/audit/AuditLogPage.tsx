import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { auditCsvHref, useAuditLog, useAuditPeople, useAuditProjects } from '../../api/audit';
import { useMe } from '../../api/auth';
import { useTeam } from '../../api/teams';
import { EmptyState } from '../../components/Feedback';
import { NoMatch, PagedListState } from '../../components/ListState';
import { PageQueryState } from '../../components/PageQueryState';
import { PageTitle } from '../../components/PageTitle';
import { PageHeader } from '../../components/Section';
import { AuditFilterBar } from './AuditFilterBar';
import { AuditTable } from './AuditTable';
import { NO_AUDIT_FILTERS, useAuditAddress } from './audit-address';

/** The log with its filters, the rows loaded so far and the CSV link, for a workspace or a team. */
function AuditLog({ teamId }: { teamId: string | null }) {
  const { filters, write } = useAuditAddress();
  const log = useAuditLog(teamId, filters);
  const people = useAuditPeople(teamId);
  const projects = useAuditProjects(teamId);
  const events = useMemo(() => log.data?.pages.flatMap((p) => p.items) ?? [], [log.data]);
  // The lists offer what they hold, and who and what the loaded events name besides.
  const personChoices = useMemo(() => {
    const known = new Map((people.data ?? []).map((p) => [p.id, p]));
    for (const e of events) {
      if (e.actorUserId && !known.has(e.actorUserId) && e.actor.email) {
        known.set(e.actorUserId, { id: e.actorUserId, name: e.actor.name, email: e.actor.email });
      }
    }
    return [...known.values()].sort((a, b) => a.name.localeCompare(b.name));
  }, [people.data, events]);
  const projectChoices = useMemo(() => {
    const known = new Map((projects.data ?? []).map((p) => [p.id, { id: p.id, name: p.name }]));
    for (const e of events) {
      if (e.project && !known.has(e.project.id)) {
        known.set(e.project.id, { id: e.project.id, name: e.project.name ?? e.project.id });
      }
    }
    return [...known.values()].sort((a, b) => a.name.localeCompare(b.name));
  }, [projects.data, events]);
  const filtered = Object.values(filters).some(Boolean);

  return (
    <div className="card card--flush">
      <div className="card__toolbar audit-toolbar">
        <AuditFilterBar
          filters={filters}
          onChange={write}
          people={personChoices}
          projects={projectChoices}
        />
        <a
          className="btn btn--small audit-toolbar__csv"
          href={auditCsvHref(teamId, filters)}
          download
        >
          Download CSV
        </a>
      </div>
      <PagedListState
        query={log}
        loading="Loading the audit log…"
        withError
        empty={
          filtered ? (
            <NoMatch
              title="No event matches these filters"
              onClear={() => write(NO_AUDIT_FILTERS)}
            />
          ) : (
            <EmptyState title="Nothing audited yet">
              <p>Sign-ins, changes to teams, tokens and sprints, and refused requests show here.</p>
            </EmptyState>
          )
        }
      >
        <AuditTable events={events} />
      </PagedListState>
    </div>
  );
}

const SUBTITLE =
  'Who did what, to which object, when and from where; newest first. The CSV holds every event the filters keep.';

/** The workspace's audit log (/audit), for workspace admins. */
export function AuditLogPage() {
  const me = useMe();
  if (me.isPending) return null;
  if (!me.data?.user?.isAdmin) {
    return (
      <div className="page">
        <PageTitle title="Audit log" />
        <EmptyState title="For workspace admins" link={{ to: '/teams', label: 'Your teams' }}>
          <p>
            The workspace’s audit log is for workspace admins. A team admin finds the team’s log on
            the team page.
          </p>
        </EmptyState>
      </div>
    );
  }
  return (
    <div className="page page--wide">
      <PageTitle title="Audit log" />
      <PageHeader title="Audit log" subtitle={SUBTITLE} />
      <AuditLog teamId={null} />
    </div>
  );
}

/** One team's audit log (/teams/:teamId/audit), for the team's admins. */
export function TeamAuditLogPage() {
  const { teamId = '' } = useParams();
  const team = useTeam(teamId);
  if (team.isPending || team.isError) {
    return (
      <PageQueryState
        query={team}
        loading="Loading team…"
        notFound={
          <EmptyState title="Team not found" link={{ to: '/teams', label: 'Back to teams' }}>
            <p>It does not exist, or you are not one of its members.</p>
          </EmptyState>
        }
      />
    );
  }
  const breadcrumb = (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <Link to="/teams">Teams</Link>
      <span aria-hidden="true">/</span>
      <Link to={`/teams/${team.data.id}`}>{team.data.name}</Link>
    </nav>
  );
  if (team.data.role !== 'admin') {
    return (
      <div className="page">
        <PageTitle title={`Audit log · ${team.data.name}`} />
        {breadcrumb}
        <EmptyState title="For team admins">
          <p>The team’s audit log is for its admins; you are {team.data.role} here.</p>
        </EmptyState>
      </div>
    );
  }
  return (
    <div className="page page--wide">
      <PageTitle title={`Audit log · ${team.data.name}`} />
      {breadcrumb}
      <PageHeader title="Audit log" subtitle={SUBTITLE} />
      <AuditLog teamId={team.data.id} />
    </div>
  );
}
