import type { Token } from '@sextant/core';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Badge } from '../../components/Badge';
import { formatDate, formatDateTime, formatRelative } from '../../lib/format';

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
    <table className="table table--stack" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Prefix</th>
          {showCreator ? <th scope="col">Created by</th> : null}
          <th scope="col">Created</th>
          <th scope="col">Expires</th>
          <th scope="col">Last used</th>
          <th scope="col">Status</th>
          {anyRevocable ? (
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {tokens.map((token) => {
          const state = tokenState(token, now);
          return (
            <tr key={token.id} className={token.revokedAt ? 'is-muted' : undefined}>
              <td data-label="Name">
                <strong>{token.name}</strong>
              </td>
              <td data-label="Prefix">
                <code className="code">{token.prefix}…</code>
              </td>
              {showCreator ? <td data-label="Created by">{token.createdBy.name}</td> : null}
              <td data-label="Created">
                <time dateTime={token.createdAt} title={formatDateTime(token.createdAt)}>
                  {formatDate(token.createdAt)}
                </time>
              </td>
              <td data-label="Expires">
                {token.expiresAt ? (
                  <time dateTime={token.expiresAt} title={formatDateTime(token.expiresAt)}>
                    {formatDate(token.expiresAt)}
                  </time>
                ) : (
                  <span className="muted">Never</span>
                )}
              </td>
              <td data-label="Last used">
                {token.lastUsedAt ? (
                  <time dateTime={token.lastUsedAt} title={formatDateTime(token.lastUsedAt)}>
                    {formatRelative(token.lastUsedAt)}
                  </time>
                ) : (
                  <span className="muted">Never</span>
                )}
              </td>
              <td data-label="Status">
                <Badge tone={state.tone}>{state.label}</Badge>
                {token.revokedAt ? (
                  <span className="muted small"> {formatDate(token.revokedAt)}</span>
                ) : null}
              </td>
              {anyRevocable ? (
                <td data-label="Actions" className="table__actions">
                  {!token.revokedAt && canRevoke(token) ? (
                    <ConfirmButton
                      label="Revoke"
                      ariaLabel={`Revoke token ${token.name}`}
                      question={`Revoke “${token.name}”? Anything using it stops working.`}
                      onConfirm={() => onRevoke(token)}
                      pending={revoking}
                    />
                  ) : null}
                </td>
              ) : null}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
