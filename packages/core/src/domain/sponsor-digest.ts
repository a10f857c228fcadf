import { formatDayText } from './date-format.js';
import type { MetricMoney } from './metric-money.js';
import {
  emailDocument,
  emailFooter,
  escapeHtml,
  escapeSlack,
  factsTable,
  type SlackBlock,
} from './notification-messages.js';
import { formatMetricText, formatNumberText, formatPercentText } from './numbers-format.js';

/**
 * The weekly sponsor digest: what a sponsor would read on the sponsor view, in one email
 * (and a Slack message): the business goal and its progress, the success metric against its
 * threshold and today's process in money, the last decision and what is due, open alerts.
 */
export interface SponsorDigestInput {
  project: { id: string; name: string; stage: string };
  /** ISO week it covers, `2026-W47`. */
  week: string;
  /** Absolute link to the project in the web app. */
  url: string;
  timeZone: string;
  goals: {
    statement: string;
    metric: string;
    unit: string;
    target: number;
    deadline: string;
    /** 0..1 of the way from baseline to target; null before a measurement. */
    progress: number | null;
    latest: { value: number; measuredAt: string } | null;
    message: string;
  }[];
  metric: {
    name: string;
    /** The best CI value of the latest sprint with one; null before any run. */
    value: number | null;
    threshold: number | null;
    /** Today's process on the same metric (the scope's figure). */
    currentProcess: { name: string; value: number } | null;
    money: MetricMoney | null;
    forecast: string | null;
  } | null;
  decision: {
    decision: string;
    rationale: string;
    decidedAt: string;
    decidedBy: string | null;
    sprintName: string;
  } | null;
  due: { what: string; on: string }[];
  alerts: { message: string; since: string }[];
}

export interface SponsorDigest {
  subject: string;
  text: string;
  html: string;
  slack: { text: string; blocks: SlackBlock[] };
}

const DECISION_WORDS: Record<string, string> = {
  continue: 'Continue',
  objectives_met: 'Objectives met',
  drop: 'Drop',
};

interface Section {
  title: string;
  lines: string[];
}

function sections(input: SponsorDigestInput): Section[] {
  const day = (value: string) => formatDayText(value, input.timeZone);
  const out: Section[] = [];
  out.push({
    title: 'Business goal',
    lines:
      input.goals.length === 0
        ? ['No business goal is set yet.']
        : input.goals.map((g) => {
            const latest = g.latest
              ? `latest ${formatNumberText(g.latest.value)} ${g.unit} on ${day(g.latest.measuredAt)}`
              : 'not measured yet';
            const share =
              g.progress === null
                ? ''
                : `, ${formatPercentText(g.progress * 100, 0).replace(/^\+/, '')} of the way`;
            return (
              `${g.statement}: target ${formatNumberText(g.target)} ${g.unit} by ${day(g.deadline)}; ` +
              `${latest}${share}. ${g.message}`
            );
          }),
  });
  const m = input.metric;
  const metricLines: string[] = [];
  if (!m) metricLines.push('No success criterion is set yet.');
  else {
    const value = m.value === null ? 'no CI run yet' : formatMetricText(m.value);
    const threshold =
      m.threshold === null ? 'no threshold' : `threshold ${formatMetricText(m.threshold)}`;
    const met =
      m.value !== null && m.threshold !== null
        ? m.value >= m.threshold
          ? ' (at or above the threshold)'
          : ' (below the threshold)'
        : '';
    metricLines.push(`${m.name}: ${value} against ${threshold}${met}.`);
    if (m.currentProcess) {
      metricLines.push(
        `Today's process (${m.currentProcess.name}): ${formatMetricText(m.currentProcess.value)}.`,
      );
    }
    if (m.money) metricLines.push(`In money: ${m.money.text}.`);
    if (m.forecast) metricLines.push(m.forecast);
  }
  out.push({ title: 'Success metric', lines: metricLines });
  out.push({
    title: 'Last decision',
    lines: input.decision
      ? [
          `${DECISION_WORDS[input.decision.decision] ?? input.decision.decision} after ${input.decision.sprintName}, ` +
            `${day(input.decision.decidedAt)}${input.decision.decidedBy ? ` by ${input.decision.decidedBy}` : ''}: ` +
            input.decision.rationale,
        ]
      : ['No decision has been recorded yet.'],
  });
  out.push({
    title: 'What is due',
    lines:
      input.due.length === 0
        ? ['Nothing is scheduled.']
        : input.due.map((d) => `${d.what}: ${day(d.on)}`),
  });
  out.push({
    title: 'Open alerts',
    lines:
      input.alerts.length === 0
        ? ['No open alerts.']
        : input.alerts.map((a) => `${a.message} (since ${day(a.since)})`),
  });
  return out;
}

export function sponsorDigest(
  input: SponsorDigestInput,
  unsubscribeUrl: string | null,
): SponsorDigest {
  const subject = `[Sextant] ${input.project.name}: weekly sponsor digest (${input.week})`;
  const parts = sections(input);
  const footer = emailFooter(unsubscribeUrl);
  const text = [
    `${input.project.name} — weekly sponsor digest, ${input.week}`,
    '',
    ...parts.flatMap((s) => [s.title, ...s.lines.map((l) => `  ${l}`), '']),
    `Open in Sextant: ${input.url}`,
    '',
    '--',
    footer.text,
  ].join('\n');
  const facts = [
    { label: 'Stage', value: input.project.stage },
    { label: 'Open alerts', value: String(input.alerts.length) },
  ];
  const html = emailDocument(
    subject,
    `<h2>${escapeHtml(input.project.name)}: weekly sponsor digest</h2>` +
      `<p style="color:#666">${escapeHtml(input.week)}</p>` +
      factsTable(facts) +
      parts
        .map(
          (s) =>
            `<h3>${escapeHtml(s.title)}</h3>` +
            (s.lines.length === 1
              ? `<p>${escapeHtml(s.lines[0]!)}</p>`
              : `<ul>${s.lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`),
        )
        .join('') +
      `<p><a href="${escapeHtml(input.url)}">Open in Sextant</a></p><hr>${footer.html}`,
  );
  const blocks: SlackBlock[] = [
    {
      type: 'header',
      text: {
        type: 'plain_text',
        text: `${input.project.name}: weekly sponsor digest`.slice(0, 150),
      },
    },
    ...parts.map((s) => ({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `*${escapeSlack(s.title)}*\n${s.lines.map(escapeSlack).join('\n')}`.slice(0, 3000),
      },
    })),
    {
      type: 'actions',
      elements: [
        { type: 'button', text: { type: 'plain_text', text: 'Open in Sextant' }, url: input.url },
      ],
    },
    { type: 'context', elements: [{ type: 'mrkdwn', text: escapeSlack(input.week) }] },
  ];
  return {
    subject,
    text,
    html,
    slack: {
      text: escapeSlack(`${input.project.name}: weekly sponsor digest (${input.week})`),
      blocks,
    },
  };
}

/** The ISO-8601 week of an instant in a time zone: `2026-W47`. */
export function isoWeek(instant: Date, timeZone = 'UTC'): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const date = new Date(Date.UTC(n('year'), n('month') - 1, n('day')));
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${date.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}
