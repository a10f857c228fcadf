import type { Person } from '@sextant/core';
import { Badge } from '../../components/Badge';
import { ConfirmButton } from '../../components/ConfirmButton';
import { DataTable, actionsColumn } from '../../components/DataTable';
import { TitledTime } from '../../components/TitledTime';

interface PeopleTableProps {
  people: Person[];
  /** The signed-in admin: they cannot deactivate themselves. */
  selfId: string;
  onSetActive: (person: Person, active: boolean) => void;
  pending: boolean;
}

/** Everyone with their teams and roles, last sign-in and status, and the admin's actions. */
export function PeopleTable({ people, selfId, onSetActive, pending }: PeopleTableProps) {
  return (
    <DataTable
      label="People"
      rows={people}
      variant="people-table"
      rowAttributes={(person) => ({
        className: person.deactivatedAt ? 'is-muted' : undefined,
        'data-email': person.email,
      })}
      columns={[
        {
          header: 'Name',
          cell: (person) => (
            <span className="people-table__name">
              <strong>{person.name}</strong>
              {person.id === selfId ? <Badge>You</Badge> : null}
              {person.isAdmin ? <Badge tone="accent">Workspace admin</Badge> : null}
            </span>
          ),
        },
        {
          header: 'Email',
          cell: (person) => <span className="people-table__email">{person.email}</span>,
        },
        {
          header: 'Teams',
          cell: (person) =>
            person.teams.length === 0 ? (
              <span className="muted people-table__none">No team</span>
            ) : (
              <ul className="people-table__teams">
                {person.teams.map((team) => (
                  <li key={team.id}>
                    {team.name}{' '}
                    <span className="muted small people-table__role">({team.role})</span>
                  </li>
                ))}
              </ul>
            ),
        },
        {
          header: 'Last sign-in',
          cell: (person) =>
            person.lastSignInAt ? (
              <TitledTime at={person.lastSignInAt} relative />
            ) : (
              <span className="muted">Never</span>
            ),
        },
        {
          header: 'Status',
          cell: (person) =>
            person.deactivatedAt ? (
              <Badge tone="danger">Deactivated</Badge>
            ) : (
              <Badge tone="success">Active</Badge>
            ),
        },
        actionsColumn((person: Person) => {
          if (person.id === selfId) return null;
          if (person.deactivatedAt) {
            return (
              <button
                type="button"
                className="btn btn--small"
                aria-label={`Reactivate ${person.name}`}
                disabled={pending}
                onClick={() => onSetActive(person, true)}
              >
                Reactivate
              </button>
            );
          }
          return (
            <ConfirmButton
              label="Deactivate"
              ariaLabel={`Deactivate ${person.name}`}
              question={`Deactivate ${person.name}? They are signed out everywhere and their tokens stop working.`}
              onConfirm={() => onSetActive(person, false)}
              pending={pending}
            />
          );
        }),
      ]}
    />
  );
}
