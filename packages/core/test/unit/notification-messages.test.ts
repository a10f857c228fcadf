import { describe, expect, it } from 'vitest';
import type { NotificationEnvelope } from '../../src/domain/notification-events.js';
import {
  escapeSlack,
  eventEmail,
  slackMessage,
  teamsMessage,
} from '../../src/domain/notification-messages.js';

const envelope: NotificationEnvelope = {
  id: 'evt-1',
  type: 'alert.opened',
  version: 1,
  occurredAt: '2026-11-18T10:00:00.000Z',
  project: { id: 'p1', name: 'Churn <beta> & co' },
  title: 'Alert opened: metric < threshold',
  summary: 'The success metric fell to 0.71 <script>alert(1)</script> & stays there.',
  facts: [{ label: 'Success metric', value: '0.71 (threshold 0.80)' }],
  url: 'https://sextant.example.test/projects/p1/alerts',
  data: {},
};

describe('notification messages', () => {
  it('escapes Slack mrkdwn control characters', () => {
    expect(escapeSlack('a & <b> c')).toBe('a &amp; &lt;b&gt; c');
  });

  it('renders a Slack Block Kit body with a text fallback, fields and the link', () => {
    const m = slackMessage(envelope);
    expect(m.text).toBe('Churn &lt;beta&gt; &amp; co: Alert opened: metric &lt; threshold');
    expect(m.blocks[0]).toMatchObject({
      type: 'header',
      text: { type: 'plain_text', text: envelope.title },
    });
    expect(m.blocks[1]).toMatchObject({ type: 'section', text: { type: 'mrkdwn' } });
    expect(JSON.stringify(m.blocks[1])).not.toContain('<script>');
    expect(m.blocks[2]).toMatchObject({
      type: 'section',
      fields: [{ type: 'mrkdwn', text: '*Success metric*\n0.71 (threshold 0.80)' }],
    });
    expect(JSON.stringify(m.blocks)).toContain(envelope.url);
  });

  it('renders a Teams message with an Adaptive Card: title, summary, facts and an OpenUrl action', () => {
    const m = teamsMessage(envelope);
    expect(m.type).toBe('message');
    const card = m.attachments[0]!;
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card.content).toMatchObject({
      type: 'AdaptiveCard',
      actions: [{ type: 'Action.OpenUrl', url: envelope.url }],
    });
    const body = card.content.body as Record<string, unknown>[];
    expect(body).toContainEqual(
      expect.objectContaining({ type: 'TextBlock', text: envelope.title }),
    );
    expect(body).toContainEqual({
      type: 'FactSet',
      facts: [{ title: 'Success metric', value: '0.71 (threshold 0.80)' }],
    });
  });

  it('renders an email with escaped HTML, the absolute link and an unsubscribe footer', () => {
    const m = eventEmail(envelope, 'https://sextant.example.test/unsubscribe/tok');
    expect(m.subject).toBe('[Sextant] Churn <beta> & co: Alert opened: metric < threshold');
    expect(m.text).toContain('Open in Sextant: https://sextant.example.test/projects/p1/alerts');
    expect(m.text).toContain('Unsubscribe: https://sextant.example.test/unsubscribe/tok');
    expect(m.html).not.toContain('<script>');
    expect(m.html).toContain('&lt;script&gt;');
    expect(m.html).toContain('href="https://sextant.example.test/projects/p1/alerts"');
    expect(m.html).toContain('href="https://sextant.example.test/unsubscribe/tok"');
  });
});
