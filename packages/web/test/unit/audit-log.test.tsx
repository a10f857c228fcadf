import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '@sextant/core';
import { auditCsvHref } from '../../src/api/audit';
import { AuditTable } from '../../src/features/audit/AuditTable';
import {
  auditFiltersFrom,
  auditSearch,
  NO_AUDIT_FILTERS,
} from '../../src/features/audit/audit-address';
import { renderPage } from '../support/render';

const event: AuditEvent = {
  id: 'e1',
  at: '2026-11-18T09:30:00.000Z',
  action: 'sprint.closed',
  summary: 'Closed a sprint',
  actor: { kind: 'user', name: 'Ada', email: 'ada@example.test', tokenName: null },
  actorUserId: 'u1',
  actorTokenId: null,
  teamId: 't1',
  targetType: 'sprint',
  targetId: 's1',
  targetName: 'Sprint 3',
  project: { id: 'p1', name: 'Pump failures' },
  ip: '10.0.0.7',
  details: {},
};

describe('the audit log page', () => {
  it('reads the filters from the address, leaving out days not written YYYY-MM-DD', () => {
    const filters = auditFiltersFrom(
      new URLSearchParams('person=u1&action=token.created&project=p1&from=2026-11-01&to=soon'),
    );
    expect(filters).toEqual({
      person: 'u1',
      action: 'token.created',
      project: 'p1',
      from: '2026-11-01',
      to: '',
    });
    expect(auditSearch(filters).toString()).toBe(
      'person=u1&action=token.created&project=p1&from=2026-11-01',
    );
    expect(auditSearch(NO_AUDIT_FILTERS).toString()).toBe('');
  });

  it('links the CSV download to the same filters, for the workspace or a team', () => {
    const filters = { ...NO_AUDIT_FILTERS, action: 'token.created', to: '2026-11-18' };
    expect(auditCsvHref(null, filters)).toBe(
      '/api/v1/audit.csv?action=token.created&to=2026-11-18',
    );
    expect(auditCsvHref('t1', NO_AUDIT_FILTERS)).toBe('/api/v1/teams/t1/audit.csv');
  });

  it('shows who, what, which object (linked), the project and the address', () => {
    renderPage(<AuditTable events={[event]} />);
    const row = screen.getAllByRole('row')[1];
    if (!row) throw new Error('no row');
    const cells = within(row).getAllByRole('cell');
    expect(cells.map((c) => c.getAttribute('data-label'))).toEqual([
      'When',
      'Who',
      'What',
      'Object',
      'Project',
      'From',
    ]);
    expect(cells[1]?.textContent).toContain('Ada');
    expect(cells[1]?.textContent).toContain('ada@example.test');
    expect(cells[2]?.textContent).toContain('Closed a sprint');
    expect(within(row).getByRole('link', { name: 'Sprint 3' }).getAttribute('href')).toBe(
      '/projects/p1/sprints/s1',
    );
    expect(within(row).getByRole('link', { name: 'Pump failures' }).getAttribute('href')).toBe(
      '/projects/p1',
    );
    expect(cells[5]?.textContent).toBe('10.0.0.7');
  });
});
