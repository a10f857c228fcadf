import { useState } from 'react';
import { SPONSOR_LINK_DEFAULT_DAYS, SPONSOR_LINK_MAX_DAYS, type SponsorLink } from '@sextant/core';
import {
  useCreateSponsorLink,
  useRevokeSponsorLink,
  useSponsorLinks,
} from '../../api/sponsor-links';
import { Badge } from '../../components/Badge';
import { ConfirmButton } from '../../components/ConfirmButton';
import { DataTable, actionsColumn } from '../../components/DataTable';
import { ErrorNotice, Loading } from '../../components/Feedback';
import {
  FormShell,
  InlineSubmit,
  NumberField,
  TextField,
  useMutationFields,
} from '../../components/form';
import { SecretReveal } from '../../components/SecretReveal';
import { Section } from '../../components/Section';
import { TitledTime } from '../../components/TitledTime';

/** The link to copy: the site's own address and the path the server gave. */
const linkOf = (path: string) => `${window.location.origin}${path}`;

function linkState(link: SponsorLink, now: number) {
  if (link.revokedAt) return { label: 'Revoked', tone: 'danger' as const };
  if (new Date(link.expiresAt).getTime() < now)
    return { label: 'Expired', tone: 'neutral' as const };
  return { label: 'Active', tone: 'success' as const };
}

function SponsorLinkForm({
  projectId,
  onCreated,
}: {
  projectId: string;
  onCreated: (link: { name: string; token: string }) => void;
}) {
  const create = useCreateSponsorLink(projectId);
  const form = useMutationFields<{ name: string; expiresInDays: string }>(
    { name: '', expiresInDays: String(SPONSOR_LINK_DEFAULT_DAYS) },
    create,
  );
  const { name, expiresInDays } = form.values;
  const submit = () =>
    create.mutate(
      { name: name.trim(), expiresInDays: Number(expiresInDays) },
      {
        onSuccess: (created) => {
          form.setValue('name', '');
          onCreated({ name: created.name, token: linkOf(created.path) });
        },
      },
    );
  return (
    <FormShell
      label="New sponsor link"
      className="form"
      onSubmit={submit}
      intro={
        <p className="muted">
          A read-only page for a sponsor: the goal, the latest sprint review, the return on
          investment and the open risks of this project, nothing else. No account needed.
        </p>
      }
      notice={form.notice}
    >
      <div className="form__row form__row--end">
        <TextField
          label="For whom"
          className="grow"
          {...form.field('name')}
          placeholder="e.g. Anna, head of maintenance"
          required
        />
        <NumberField
          label="Valid for (days)"
          hint={`At most ${SPONSOR_LINK_MAX_DAYS}.`}
          className="narrow"
          {...form.field('expiresInDays')}
        />
        <InlineSubmit
          label="Create sponsor link"
          pendingLabel="Creating…"
          pending={create.isPending}
          disabled={!name.trim()}
        />
      </div>
    </FormShell>
  );
}

/** Read-only links for the project's sponsor: made, listed and revoked by its admins. */
export function SponsorLinksSection({ projectId }: { projectId: string }) {
  const links = useSponsorLinks(projectId);
  const revoke = useRevokeSponsorLink(projectId);
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const now = Date.now();
  return (
    <Section
      id="sponsor-links"
      title="Sponsor links"
      description="Share the project's progress with a sponsor who has no account."
    >
      {created ? (
        <SecretReveal token={created} what="sponsor link" onDone={() => setCreated(null)} />
      ) : (
        <SponsorLinkForm projectId={projectId} onCreated={setCreated} />
      )}
      {revoke.error ? <ErrorNotice error={revoke.error} /> : null}
      {links.isPending ? (
        <Loading />
      ) : links.isError ? (
        <ErrorNotice error={links.error} onRetry={() => void links.refetch()} />
      ) : links.data.length === 0 ? (
        <p className="muted">No sponsor links yet.</p>
      ) : (
        <DataTable
          label="Sponsor links"
          rows={links.data}
          rowAttributes={(link) => ({ className: link.revokedAt ? 'is-muted' : undefined })}
          columns={[
            { header: 'For', cell: (link) => <strong>{link.name}</strong> },
            { header: 'Created by', cell: (link) => link.createdBy?.name ?? '—' },
            { header: 'Created', cell: (link) => <TitledTime at={link.createdAt} /> },
            { header: 'Expires', cell: (link) => <TitledTime at={link.expiresAt} /> },
            {
              header: 'Last used',
              cell: (link) =>
                link.lastUsedAt ? (
                  <TitledTime at={link.lastUsedAt} relative />
                ) : (
                  <span className="muted">Never</span>
                ),
            },
            {
              header: 'Status',
              cell: (link) => {
                const state = linkState(link, now);
                return <Badge tone={state.tone}>{state.label}</Badge>;
              },
            },
            actionsColumn((link: SponsorLink) =>
              link.revokedAt ? null : (
                <ConfirmButton
                  label="Revoke"
                  ariaLabel={`Revoke sponsor link ${link.name}`}
                  question={`Revoke the link for “${link.name}”? It stops working at once.`}
                  onConfirm={() => revoke.mutate(link.id)}
                  pending={revoke.isPending}
                />
              ),
            ),
          ]}
        />
      )}
    </Section>
  );
}
