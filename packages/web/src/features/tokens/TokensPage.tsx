import { useState } from 'react';
import type { CreatedToken } from '@sextant/core';
import { useCreatePersonalToken, usePersonalTokens, useRevokeToken } from '../../api/tokens';
import { EmptyState, ErrorNotice } from '../../components/Feedback';
import { ListState } from '../../components/ListState';
import { Section, TitledPageHeader } from '../../components/Section';
import { SecretReveal } from '../../components/SecretReveal';
import { CreateTokenForm } from './CreateTokenForm';
import { TokenTable } from './TokenTable';

export function TokensPage() {
  const tokens = usePersonalTokens();
  const create = useCreatePersonalToken();
  const revoke = useRevokeToken();
  const [created, setCreated] = useState<CreatedToken | null>(null);

  return (
    <div className="page">
      <TitledPageHeader
        title="Tokens"
        subtitle="Personal tokens act as you on the API and the CLI. For CI pipelines, create a CI token on the project page instead: it can only post to that project."
      />
      <Section title="Create a personal token">
        {created ? (
          <SecretReveal token={created} onDone={() => setCreated(null)} />
        ) : (
          <CreateTokenForm
            nameHint="What it is for, so you recognise it later."
            namePlaceholder="e.g. laptop CLI"
            submitLabel="Create token"
            create={create}
            onCreated={setCreated}
          />
        )}
      </Section>
      <Section title="Your tokens" className="card--flush-body">
        {revoke.error ? <ErrorNotice error={revoke.error} /> : null}
        <ListState
          query={tokens}
          isEmpty={tokens.data?.length === 0}
          empty={
            <EmptyState title="No personal tokens yet">
              <p>Create one above to call the API or use the CLI as yourself.</p>
            </EmptyState>
          }
        >
          {(data) => (
            <TokenTable
              label="Personal tokens"
              tokens={data}
              canRevoke={() => true}
              onRevoke={(token) => revoke.mutate(token)}
              revoking={revoke.isPending}
            />
          )}
        </ListState>
      </Section>
    </div>
  );
}
