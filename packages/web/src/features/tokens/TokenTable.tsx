import type { Token } from '@sextant/core';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Badge } from '../../components/Badge';
import { DataTable, actionsColumn } from '../../components/DataTable';
import { TitledTime } from '../../components/TitledTime';
import { formatDate } from '../../lib/format';

function tokenState(
  token: Token,
  now: number,
): { label: string; tone: 'success' | 'neutral' | 'danger' } {
  if (token.revokedAt) return { label: 'Revoked', tone: 'danger' };
  if (token.expiresAt && new Date(token.expiresAt).getTime() <= now) {
    return { label: 'Expired', tone: 'neutral' };
  }
  return { label: 'Active', tone: 'success' };
}

interface TokenTableProps {
  tokens: Token[];
  /** Whether the signed-in person may revoke this token. */
  canRevoke: (token: Token) => boolean;
  /** Show who created each token (useful where several people make them). */
  showCreator?: boolean;
  onRevoke: (token: Token) => void;
  revoking: boolean;
  label: string;
}

/** Tokens by name and prefix (never their secrets), with their lifetime and last use. */
export function TokenTable({
  tokens,
  canRevoke,
  showCreator = false,
  onRevoke,
  revoking,
  label,
}: TokenTableProps) {
  const now = Date.now();
  const anyRevocable = tokens.some((token) => !token.revokedAt && canRevoke(token));
  return (
    <DataTable
      label={label}
      rows={tokens}
      rowAttributes={(token) => ({ className: token.revokedAt ? 'is-muted' : undefined })}
      columns={[
        {
          header: 'Name',
          cell: (token) => <strong>{token.name}</strong>,
        },
        {
          header: 'Prefix',
          cell: (token) => <code className="code">{token.prefix}…</code>,
        },
        showCreator && { header: 'Created by', cell: (token) => token.createdBy.name },
        { header: 'Created', cell: (token) => <TitledTime at={token.createdAt} /> },
        {
          header: 'Expires',
          cell: (token) =>
            token.expiresAt ? (
              <TitledTime at={token.expiresAt} />
            ) : (
              <span className="muted">Never</span>
            ),
        },
        {
          header: 'Last used',
          cell: (token) =>
            token.lastUsedAt ? (
              <TitledTime at={token.lastUsedAt} relative />
            ) : (
              <span className="muted">Never</span>
            ),
        },
        {
          header: 'Status',
          cell: (token) => {
            const state = tokenState(token, now);
            return (
              <>
                <Badge tone={state.tone}>{state.label}</Badge>
                {token.revokedAt ? (
                  <span className="muted small"> {formatDate(token.revokedAt)}</span>
                ) : null}
              </>
            );
          },
        },
        anyRevocable &&
          actionsColumn((token: Token) =>
            !token.revokedAt && canRevoke(token) ? (
              <ConfirmButton
                label="Revoke"
                ariaLabel={`Revoke token ${token.name}`}
                question={`Revoke “${token.name}”? Anything using it stops working.`}
                onConfirm={() => onRevoke(token)}
                pending={revoking}
              />
            ) : null,
          ),
      ]}
    />
  );
}
