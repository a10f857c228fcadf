#!/usr/bin/env node
// Turns the Azure predictive-maintenance sample into the three files `sextant evaluate` reads:
//   predictions.csv  period,entity,score,label — one row per day of 2020 and machine, in day order:
//                    score = days since the machine's last component replacement (the most
//                    recent of its four components' last replacements in PdM_maint.csv, counting
//                    only replacements before that day; a component with no replacement on record
//                    counts from 2019-06-01, the first day of the records),
//                    label = 1 when the machine fails (PdM_failures.csv) within HORIZON_DAYS
//                    from that day (the day itself included);
//   checks.csv       entity,time — every maintenance record (today's strategy resets on them);
//   events.csv       entity,time — every failure.
// Usage: node examples/azure-pdm/make-scores.mjs [horizonDays=1]
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const HORIZON_DAYS = Number(process.argv[2] ?? 1);
const FIRST_DAY = '2020-01-01';
const LAST_DAY = '2020-12-31';
const RECORDS_START = '2019-06-01';
const DAY_MS = 86_400_000;
const dayNumber = (day) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;
const dayOf = (n) => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** Rows of a small quoted CSV (no commas inside fields in these files). */
function read(name) {
  const [header, ...lines] = readFileSync(join(here, name), 'utf8').trim().split(/\r?\n/);
  const columns = header.split(',').map((c) => c.replaceAll('"', ''));
  return lines.map((line) => {
    const fields = line.split(',').map((f) => f.replaceAll('"', ''));
    return Object.fromEntries(columns.map((c, i) => [c, fields[i]]));
  });
}

const machines = read('PdM_machines.csv').map((m) => m.machineID);
const maint = read('PdM_maint.csv');
const failures = read('PdM_failures.csv');

const lastReplaced = new Map(); // machine → comp → day number of the last replacement so far
for (const m of machines) {
  lastReplaced.set(
    m,
    new Map(['comp1', 'comp2', 'comp3', 'comp4'].map((c) => [c, dayNumber(RECORDS_START)])),
  );
}
const maintByDay = new Map();
for (const r of maint) {
  const day = dayNumber(r.datetime.slice(0, 10));
  maintByDay.set(day, [...(maintByDay.get(day) ?? []), r]);
}
const failureDays = new Map();
for (const f of failures) {
  failureDays.set(f.machineID, [
    ...(failureDays.get(f.machineID) ?? []),
    dayNumber(f.datetime.slice(0, 10)),
  ]);
}

const rows = ['period,entity,score,label'];
const first = dayNumber(FIRST_DAY);
const last = dayNumber(LAST_DAY);
for (let d = dayNumber(RECORDS_START); d <= last; d++) {
  if (d >= first) {
    for (const m of machines) {
      const score = Math.min(...[...lastReplaced.get(m).values()].map((replaced) => d - replaced));
      const label = (failureDays.get(m) ?? []).some((f) => f >= d && f < d + HORIZON_DAYS) ? 1 : 0;
      rows.push(`${dayOf(d)},${m},${score},${label}`);
    }
  }
  // Replacements of day d are known from day d + 1 on.
  for (const r of maintByDay.get(d) ?? []) lastReplaced.get(r.machineID)?.set(r.comp, d);
}
writeFileSync(join(here, 'predictions.csv'), `${rows.join('\n')}\n`);
writeFileSync(
  join(here, 'checks.csv'),
  `entity,time\n${maint.map((r) => `${r.machineID},${r.datetime}`).join('\n')}\n`,
);
writeFileSync(
  join(here, 'events.csv'),
  `entity,time\n${failures.map((f) => `${f.machineID},${f.datetime}`).join('\n')}\n`,
);
console.log(
  `predictions.csv: ${rows.length - 1} rows; checks.csv: ${maint.length}; events.csv: ${failures.length}`,
);
