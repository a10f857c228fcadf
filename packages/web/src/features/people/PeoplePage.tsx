import type { Person } from '@sextant/core';
import { useMe } from '../../api/auth';
import type { PeopleFilters as Filters } from '../../api/keys';
import { usePeople, useSetPersonActive } from '../../api/people';
import { EmptyState, ErrorNotice, Loading, Notice } from '../../components/Feedback';
import { NoMatch, PagedListState } from '../../components/ListState';
import { TitledPageHeader } from '../../components/Section';
import { useAddressFilters } from '../../lib/address-filters';
import { PeopleFilters } from './PeopleFilters';
import { PeopleTable } from './PeopleTable';

const SORTS = new Set<Filters['sort']>(['name', 'email', 'lastSignIn', 'created']);

function filtersFrom(params: URLSearchParams): Filters {
  const sort = params.get('sort') as Filters['sort'] | null;
  return { q: params.get('q') ?? '', sort: sort && SORTS.has(sort) ? sort : 'name' };
}

function filtersToParams(filters: Filters): URLSearchParams {
  const out = new URLSearchParams();
  if (filters.q) out.set('q', filters.q);
  if (filters.sort !== 'name') out.set('sort', filters.sort);
  return out;
}

function PeopleList({ selfId }: { selfId: string }) {
  const [filters, setFilters] = useAddressFilters(filtersFrom, filtersToParams);
  const list = usePeople(filters);
  const setActive = useSetPersonActive();
  const people = list.data?.pages.flatMap((page) => page.items) ?? [];
  const done = setActive.data;

  const empty = filters.q ? (
    <NoMatch
      title={`Nobody’s name or email contains “${filters.q}”`}
      onClear={() => setFilters({ ...filters, q: '' })}
      clear="Clear the search"
    />
  ) : (
    <EmptyState title="Nobody here yet" />
  );

  return (
    <>
      {setActive.error ? (
        <ErrorNotice error={setActive.error} title="That did not work" />
      ) : done ? (
        <Notice tone="success">
          <p>
            {done.deactivatedAt
              ? `${done.name} is deactivated: signed out everywhere, tokens revoked, nothing deleted.`
              : `${done.name} can sign in again. Their old tokens stay revoked.`}
          </p>
        </Notice>
      ) : null}
      <div className="card card--flush">
        <div className="card__toolbar">
          <PeopleFilters filters={filters} onChange={setFilters} />
        </div>
        <PagedListState query={list} loading="Loading people…" empty={empty} withError>
          <PeopleTable
            people={people}
            selfId={selfId}
            pending={setActive.isPending}
            onSetActive={(person: Person, active: boolean) => setActive.mutate({ person, active })}
          />
        </PagedListState>
      </div>
    </>
  );
}

/** Workspace admins: everyone, their teams and roles, last sign-in; deactivate and reactivate. */
export function PeoplePage() {
  const me = useMe();
  const user = me.data?.user;
  let body;
  if (me.isPending) body = <Loading label="Loading…" />;
  else if (me.isError) body = <ErrorNotice error={me.error} onRetry={() => void me.refetch()} />;
  else if (!user?.isAdmin) {
    body = (
      <EmptyState title="Only workspace admins see this page">
        <p>Ask a workspace admin if someone’s account needs a change.</p>
      </EmptyState>
    );
  } else body = <PeopleList selfId={user.id} />;

  return (
    <div className="page">
      <TitledPageHeader
        title="People"
        subtitle="Everyone in the workspace, their teams and roles, and when they last signed in."
      />
      {body}
    </div>
  );
}
