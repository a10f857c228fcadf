import {
  formatDayRangeText,
  formatDayText,
  formatMetricText,
  formatMoneyText,
  formatNumberText,
  formatPercentText,
  type Stage,
} from '@sextant/core';

export const STAGE_LABELS: Record<Stage, string> = {
  scoping: 'Scoping',
  poc: 'POC',
  productization: 'Productization',
  production: 'Production',
  retired: 'Retired',
  dropped: 'Dropped',
};

export function stageLabel(stage: Stage): string {
  return STAGE_LABELS[stage];
}

const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** `2026-11-23T10:00:00Z` → `23 Nov 2026, 11:00` in the reader's time zone. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormat.format(date);
}

/** The reader's time zone, for instants written as calendar days. */
const readerZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * A calendar day (`2027-06-30`) or an instant, as `30 Jun 2027` (core's one date style);
 * calendar days are not shifted, instants are read in the reader's time zone.
 */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  return formatDayText(value, readerZone());
}

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** `5 minutes ago`, `in 3 days`, `just now`. */
export function formatRelative(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return '—';
  const time = new Date(iso).getTime();
  if (Number.isNaN(time)) return iso;
  const seconds = (time - now) / 1000;
  for (const [unit, size] of STEPS) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return 'just now';
}

/** A figure as shown (core `formatMetricText`: 3 significant digits, a true minus); the API keeps it whole. */
export function formatNumber(value: number): string {
  return formatMetricText(value);
}

/** A figure's whole value (up to 12 decimals), for hover text beside the rounded one. */
export function formatWholeNumber(value: number): string {
  return formatNumberText(value, 12);
}

/** A signed percentage: −30 → `−30 %`, 12.5 → `+12.5 %` (no currency, ever). */
export function formatChangePct(pct: number): string {
  return formatPercentText(pct);
}

/** A return on investment (a ratio) as a signed percentage, never with a currency: `+63.5 %`. */
export function formatRoi(ratio: number | null): string {
  return ratio === null ? '—' : formatChangePct(Math.round(ratio * 1000) / 10);
}

/** Money with its currency's sign, cents only below 1,000: `€17,000`, `€160.00`. */
export function formatMoney(value: number, currency: string): string {
  return formatMoneyText(value, currency);
}

/** `3.1` + `%` → `3.1 %`; `1240` + `hours/year` → `1,240 hours/year`. */
export function withUnit(value: number, unit: string | null | undefined): string {
  return unit ? `${formatNumber(value)} ${unit}` : formatNumber(value);
}

/** Today as YYYY-MM-DD in the reader's time zone (for date inputs). */
export function todayIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Parses a number typed by a person; empty text is null, a comma decimal is accepted. */
export function parseNumberInput(text: string): number | null | 'invalid' {
  const trimmed = text.trim().replace(/\s/g, '');
  if (trimmed === '') return null;
  const normalized = /^-?\d+,\d+$/.test(trimmed) ? trimmed.replace(',', '.') : trimmed;
  const value = Number(normalized);
  return Number.isFinite(value) ? value : 'invalid';
}

/** A rate 0..1 as a whole percentage: 0.333 → `33 %`; null → `—`. */
export function formatPercent(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—';
  return `${Math.round(rate * 100)} %`;
}

/**
 * A sprint's dates: planned, or, closed before its planned end, up to the close day with the
 * planned end beside it.
 */
export function formatSprintDates(sprint: {
  startDate: string;
  endDate: string;
  closedOn: string | null;
}): string {
  const planned = formatDateRange(sprint.startDate, sprint.endDate);
  return sprint.closedOn && sprint.closedOn < sprint.endDate
    ? `${formatDateRange(sprint.startDate, sprint.closedOn)}, closed early (planned ${planned})`
    : planned;
}

/** Two calendar days as one range: `3 – 14 Mar 2026`, `24 Feb – 6 Mar 2026`, across years in full. */
export function formatDateRange(start: string, end: string): string {
  return formatDayRangeText(start, end, readerZone());
}
