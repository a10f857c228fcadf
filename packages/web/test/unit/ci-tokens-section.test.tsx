import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CreatedToken, Token } from '@sextant/core';
import { CiTokensSection } from '../../src/features/project/CiTokensSection';
import { fakeServer, type SentRequest } from '../support/fake-server';
import { renderPage } from '../support/render';

const SECRET = `sxt_${'b'.repeat(40)}`;

const token = (fields: Partial<Token> = {}): Token => ({
  id: 't1',
  kind: 'ci',
  name: 'github-actions',
  prefix: 'sxt_bbbb',
  projectId: 'prj_42',
  createdBy: { id: 'u1', name: 'Lena Park', email: 'lena@example.test' },
  createdAt: '2026-11-20T09:00:00.000Z',
  expiresAt: null,
  lastUsedAt: null,
  revokedAt: null,
  ...fields,
});

describe('CiTokensSection', () => {
  it('shows the project id and pipeline steps filled in with it right after a token is made', async () => {
    let list: Token[] = [];
    fakeServer((request: SentRequest) => {
      if (request.method === 'POST') {
        const created: CreatedToken = { ...token(), token: SECRET };
        list = [token()];
        return { status: 201, body: created };
      }
      return { status: 200, body: { items: list } };
    });
    const { user } = renderPage(
      <CiTokensSection projectId="prj_42" canEdit isTeamAdmin={false} userId="u1" />,
    );
    expect(await screen.findByText('No CI tokens yet.')).toBeTruthy();
    // Nothing to paste before there is a token to paste with it.
    expect(screen.queryByRole('region', { name: 'Report runs from CI' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'New CI token' }));
    await user.type(screen.getByRole('textbox', { name: 'Token name' }), 'github-actions');
    await user.click(screen.getByRole('button', { name: 'Create CI token' }));

    const setup = await screen.findByRole('region', { name: 'Report runs from CI' });
    expect(within(setup).getByText('prj_42')).toBeTruthy();
    const origin = window.location.origin;
    const github = within(setup).getByRole('figure', { name: 'GitHub Actions' });
    expect(github.querySelector('code')?.textContent).toBe(
      [
        '- name: Report the run to Sextant',
        '  env:',
        `    SEXTANT_URL: ${origin}`,
        '    SEXTANT_TOKEN: ${{ secrets.SEXTANT_TOKEN }}',
        '  run: |',
        '    curl -fsSO "$SEXTANT_URL/cli/sextant.mjs"',
        '    node sextant.mjs run report --project prj_42 --metrics-file metrics.json',
      ].join('\n'),
    );
    const gitlab = within(setup).getByRole('figure', { name: 'GitLab CI' });
    expect(gitlab.querySelector('code')?.textContent).toContain(
      '    - node sextant.mjs run report --project prj_42 --metrics-file metrics.json',
    );
    expect(gitlab.querySelector('code')?.textContent).toContain(`SEXTANT_URL: ${origin}`);
    // The secret itself is never in a snippet: it comes from the pipeline's secret.
    expect(setup.textContent).not.toContain(SECRET);

    await user.click(screen.getByRole('button', { name: 'I have stored it' }));
    expect(screen.queryByRole('region', { name: 'Report runs from CI' })).toBeNull();
  });
});
