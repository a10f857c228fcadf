import type { NotificationEnvelope } from './notification-events.js';

/**
 * What an event looks like on each channel: a Slack incoming-webhook body (Block Kit), a
 * Microsoft Teams incoming-webhook body (an Adaptive Card) and an email. All are made from
 * the envelope alone, so every channel says the same thing with the same link.
 */

/** Slack's mrkdwn treats &, < and > as control characters; everything else is text. */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Slack caps a header at 150 characters and a field at 2,000. */
const clip = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

export type SlackBlock = Record<string, unknown>;

export interface SlackMessage {
  /** Shown in notifications and by clients that cannot draw blocks. */
  text: string;
  blocks: SlackBlock[];
}

const projectPrefix = (envelope: NotificationEnvelope) =>
  envelope.project ? `${envelope.project.name}: ` : '';

export function slackMessage(envelope: NotificationEnvelope): SlackMessage {
  const blocks: SlackBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: clip(envelope.title, 150), emoji: false } },
    { type: 'section', text: { type: 'mrkdwn', text: clip(escapeSlack(envelope.summary), 3000) } },
  ];
  // Slack takes at most 10 fields in a section.
  const facts = envelope.facts.slice(0, 10);
  if (facts.length > 0) {
    blocks.push({
      type: 'section',
      fields: facts.map((f) => ({
        type: 'mrkdwn',
        text: clip(`*${escapeSlack(f.label)}*\n${escapeSlack(f.value)}`, 2000),
      })),
    });
  }
  blocks.push({
    type: 'actions',
    elements: [
      {
        type: 'button',
        text: { type: 'plain_text', text: 'Open in Sextant' },
        url: envelope.url,
      },
    ],
  });
  blocks.push({
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text: `${escapeSlack(projectPrefix(envelope))}${escapeSlack(envelope.type)} · <${envelope.url}|view>`,
      },
    ],
  });
  return {
    text: escapeSlack(`${projectPrefix(envelope)}${envelope.title}`),
    blocks,
  };
}

export interface TeamsMessage {
  type: 'message';
  attachments: {
    contentType: 'application/vnd.microsoft.card.adaptive';
    contentUrl: null;
    content: Record<string, unknown>;
  }[];
}

export function teamsMessage(envelope: NotificationEnvelope): TeamsMessage {
  const body: Record<string, unknown>[] = [
    { type: 'TextBlock', text: envelope.title, weight: 'Bolder', size: 'Medium', wrap: true },
    { type: 'TextBlock', text: envelope.summary, wrap: true },
  ];
  if (envelope.project) {
    body.unshift({ type: 'TextBlock', text: envelope.project.name, isSubtle: true, wrap: true });
  }
  if (envelope.facts.length > 0) {
    body.push({
      type: 'FactSet',
      facts: envelope.facts.map((f) => ({ title: f.label, value: f.value })),
    });
  }
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body,
          actions: [{ type: 'Action.OpenUrl', title: 'Open in Sextant', url: envelope.url }],
        },
      },
    ],
  };
}

export interface EmailMessage {
  subject: string;
  text: string;
  html: string;
}

/** The footer every email ends with: why it came, and the one-click way to stop it. */
export function emailFooter(unsubscribeUrl: string | null): { text: string; html: string } {
  const why = 'You receive this because of your notification settings in Sextant.';
  if (unsubscribeUrl === null)
    return { text: why, html: `<p style="color:#666">${escapeHtml(why)}</p>` };
  return {
    text: `${why}\nUnsubscribe: ${unsubscribeUrl}`,
    html:
      `<p style="color:#666;font-size:12px">${escapeHtml(why)} ` +
      `<a href="${escapeHtml(unsubscribeUrl)}">Unsubscribe</a></p>`,
  };
}

/** Wraps an HTML body in the document every Sextant email uses. */
export function emailDocument(title: string, inner: string): string {
  return (
    '<!doctype html><html><head><meta charset="utf-8">' +
    `<title>${escapeHtml(title)}</title></head>` +
    `<body style="font-family:sans-serif;line-height:1.4">${inner}</body></html>`
  );
}

export function factsTable(facts: { label: string; value: string }[]): string {
  if (facts.length === 0) return '';
  const rows = facts
    .map(
      (f) =>
        `<tr><th align="left" style="padding-right:12px">${escapeHtml(f.label)}</th>` +
        `<td>${escapeHtml(f.value)}</td></tr>`,
    )
    .join('');
  return `<table>${rows}</table>`;
}

/** The email for one event; `unsubscribeUrl` is absolute (null: no unsubscribe link). */
export function eventEmail(
  envelope: NotificationEnvelope,
  unsubscribeUrl: string | null,
): EmailMessage {
  const subject = `[Sextant] ${projectPrefix(envelope)}${envelope.title}`.replace(/[\r\n]+/g, ' ');
  const footer = emailFooter(unsubscribeUrl);
  const text = [
    envelope.title,
    '',
    envelope.summary,
    '',
    ...envelope.facts.map((f) => `${f.label}: ${f.value}`),
    ...(envelope.facts.length > 0 ? [''] : []),
    `Open in Sextant: ${envelope.url}`,
    '',
    '--',
    footer.text,
  ].join('\n');
  const html = emailDocument(
    subject,
    `<h2>${escapeHtml(envelope.title)}</h2>` +
      (envelope.project ? `<p style="color:#666">${escapeHtml(envelope.project.name)}</p>` : '') +
      `<p>${escapeHtml(envelope.summary)}</p>` +
      factsTable(envelope.facts) +
      `<p><a href="${escapeHtml(envelope.url)}">Open in Sextant</a></p>` +
      `<hr>${footer.html}`,
  );
  return { subject, text, html };
}

/** A daily digest: one person's events of the day, newest last. */
export function dailyDigestEmail(
  envelopes: NotificationEnvelope[],
  unsubscribeUrl: string | null,
): EmailMessage {
  const subject = `[Sextant] ${envelopes.length} notification${envelopes.length === 1 ? '' : 's'} today`;
  const footer = emailFooter(unsubscribeUrl);
  const text = [
    subject.replace('[Sextant] ', ''),
    '',
    ...envelopes.flatMap((e) => [
      `- ${projectPrefix(e)}${e.title}`,
      `  ${e.summary}`,
      `  ${e.url}`,
    ]),
    '',
    '--',
    footer.text,
  ].join('\n');
  const items = envelopes
    .map(
      (e) =>
        `<li><a href="${escapeHtml(e.url)}">${escapeHtml(projectPrefix(e) + e.title)}</a>` +
        `<br>${escapeHtml(e.summary)}</li>`,
    )
    .join('');
  const html = emailDocument(
    subject,
    `<h2>${escapeHtml(subject.replace('[Sextant] ', ''))}</h2><ul>${items}</ul><hr>${footer.html}`,
  );
  return { subject, text, html };
}
