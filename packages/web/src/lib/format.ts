import type { Stage } from '@sextant/core';

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

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});
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

/** A calendar day (`2027-06-30`) or an instant, as `30 Jun 2027`; calendar days are not shifted. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00`) : new Date(value);
  return Number.isNaN(date.getTime()) ? value : dateFormat.format(date);
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

const numberFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 6 });

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** A signed percentage: −30 → `−30 %`, 12.5 → `+12.5 %`. */
export function formatChangePct(pct: number): string {
  const sign = pct > 0 ? '+' : pct < 0 ? '−' : '';
  return `${sign}${formatNumber(Math.abs(pct))} %`;
}

export function formatMoney(value: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en-GB', {
      style: 'currency',
      currency,
      maximumFractionDigits: 2,
    }).format(value);
  } catch {
    return `${formatNumber(value)} ${currency}`;
  }
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

const dayMonthFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' });

/** Two calendar days as one range: `3 – 14 Mar 2026`, `24 Feb – 6 Mar 2026`, across years in full. */
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

export function formatDateRange(start: string, end: string): string {
  const a = new Date(`${start}T12:00:00`);
  const b = new Date(`${end}T12:00:00`);
  if (Number.isNaN(a.getTime()) || Number.isNaN(b.getTime())) return `${start} – ${end}`;
  if (a.getFullYear() !== b.getFullYear()) return `${formatDate(start)} – ${formatDate(end)}`;
  return `${dayMonthFormat.format(a)} – ${formatDate(end)}`;
}
