import { useState } from 'react';
import type { CreatedToken } from '@sextant/core';
import { useCiTokens, useCreateCiToken, useRevokeToken } from '../../api/tokens';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { Section } from '../../components/Section';
import { SecretReveal } from '../../components/SecretReveal';
import { CreateTokenForm } from '../tokens/CreateTokenForm';
import { TokenTable } from '../tokens/TokenTable';
import { CiSetupSnippets } from './CiSetupSnippets';

/** CI tokens: they may only post runs and deployments to this project. */
interface CiTokensSectionProps {
  projectId: string;
  canEdit: boolean;
  /** Team admins may revoke any CI token of the project; others only those they created. */
  isTeamAdmin: boolean;
  userId: string | null;
}

export function CiTokensSection({ projectId, canEdit, isTeamAdmin, userId }: CiTokensSectionProps) {
  const tokens = useCiTokens(projectId);
  const create = useCreateCiToken(projectId);
  const revoke = useRevokeToken();
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [adding, setAdding] = useState(false);

  return (
    <Section
      id="ci-tokens"
      title="CI tokens"
      description="For pipelines that post runs and deployments to this project, and nothing else."
      action={
        canEdit &&
        !adding &&
        !created && {
          label: 'New CI token',
          onClick: () => setAdding(true),
          className: 'btn btn--small',
        }
      }
    >
      {created ? (
        <>
          <SecretReveal token={created} onDone={() => setCreated(null)} />
          <CiSetupSnippets projectId={projectId} />
        </>
      ) : adding ? (
        <>
          <CreateTokenForm
            nameHint="Which pipeline uses it."
            namePlaceholder="e.g. github-actions"
            submitLabel="Create CI token"
            create={create}
            onCreated={(token) => {
              setAdding(false);
              setCreated(token);
            }}
          />
          <button
            type="button"
            className="btn btn--small btn--ghost"
            onClick={() => setAdding(false)}
          >
            Cancel
          </button>
        </>
      ) : null}
      {revoke.error ? <ErrorNotice error={revoke.error} /> : null}
      {tokens.isPending ? (
        <Loading />
      ) : tokens.isError ? (
        <ErrorNotice error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : tokens.data.length === 0 ? (
        <p className="muted">No CI tokens yet.</p>
      ) : (
        <TokenTable
          label="CI tokens"
          tokens={tokens.data}
          showCreator
          canRevoke={(token) => isTeamAdmin || token.createdBy.id === userId}
          onRevoke={(token) => revoke.mutate(token)}
          revoking={revoke.isPending}
        />
      )}
    </Section>
  );
}
