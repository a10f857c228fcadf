import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  addDays,
  dayNumber,
  type DecisionItem,
  type OutcomeItem,
  type PredictionItem,
} from '@sextant/core';
import type { Clock } from '../clock.js';
import type { Services } from '../services/index.js';
import { demoDates } from './demo-dates.js';

/** The public Azure predictive-maintenance sample, copied into the repository. */
const SAMPLE = fileURLToPath(new URL('../../../../examples/azure-pdm/', import.meta.url));

/** The sample's days the demo shows: its last 60 (2020-11-02 … 2020-12-31). */
const SAMPLE_FIRST = '2020-11-02';
const SAMPLE_LAST = '2020-12-31';
/** Replacements before the sample's records begin count from their first day. */
const RECORDS_START = '2019-06-01';
const MODEL_VERSION = 'days-since-replacement 0.1';
const TOP = 10;

/** Rows of one of the sample's small quoted CSV files (no commas inside fields). */
function readSample(name: string): Array<Record<string, string>> {
  const [header, ...lines] = readFileSync(`${SAMPLE}${name}`, 'utf8').trim().split(/\r?\n/);
  const columns = header!.split(',').map((c) => c.replaceAll('"', ''));
  return lines.map((line) => {
    const fields = line.split(',').map((f) => f.replaceAll('"', ''));
    return Object.fromEntries(columns.map((c, i) => [c, fields[i] ?? '']));
  });
}

/** A number in [0, 1) fixed by its key: the operators' choices are the same at every seed. */
function chance(key: string): number {
  let hash = 0x811c9dc5 | 0;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 16777619);
  // MurmurHash3's finalizer: FNV alone leaves neighbouring keys' numbers close.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return (hash >>> 0) / 2 ** 32;
}

const PASSED_OVER = ['Machine in a planned stop', 'Inspected the day before', 'Parts not in stock'];
const OWN_CHOICE = ['Noise reported by the night shift', 'Not checked for the longest time'];

/**
 * The predictive-maintenance project's production page, from the real sample in
 * examples/azure-pdm (100 machines): its last 60 days moved to end yesterday. The model in
 * shadow production is the README's simple score, days since the machine's last component
 * replacement (what examples/azure-pdm/make-scores.mjs computes); each morning the planner
 * gets its 10 highest and acts on most of them, passing some over with a reason and adding
 * a machine or two of her own; the failures are the sample's. The last day (yesterday) is
 * left undecided: the operator's daily list to work through. Skipped when the sample is not
 * there (a server installed without the repository's examples).
 */
export async function seedDemoProduction(
  services: Services,
  clock: Clock,
  projectId: string,
): Promise<boolean> {
  if (!existsSync(`${SAMPLE}PdM_failures.csv`)) return false;
  const machines = readSample('PdM_machines.csv').map((m) => m['machineID']!);
  const maintenance = readSample('PdM_maint.csv');
  const failures = readSample('PdM_failures.csv');
  const yesterday = demoDates(clock).day(-1);
  const shift = dayNumber(yesterday) - dayNumber(SAMPLE_LAST);
  const moved = (sampleDay: string) => addDays(sampleDay, shift);

  // Per machine and component, the day of its last replacement so far.
  const replaced = new Map(machines.map((m) => [m, new Map<string, number>()]));
  const byDay = new Map<number, Array<Record<string, string>>>();
  for (const r of maintenance) {
    const day = dayNumber(r['datetime']!.slice(0, 10));
    byDay.set(day, [...(byDay.get(day) ?? []), r]);
  }

  const predictions: PredictionItem[] = [];
  const decisions: DecisionItem[] = [];
  const recordsStart = dayNumber(RECORDS_START);
  for (let d = recordsStart; d <= dayNumber(SAMPLE_LAST); d++) {
    const sampleDay = addDays(RECORDS_START, d - recordsStart);
    if (sampleDay >= SAMPLE_FIRST) {
      const period = moved(sampleDay);
      const scored = machines.map((entity) => {
        const last = Math.max(recordsStart, ...replaced.get(entity)!.values());
        return { entity, score: d - last };
      });
      for (const { entity, score } of scored) {
        predictions.push({ entity, period, modelVersion: MODEL_VERSION, score });
      }
      const ranked = [...scored].sort(
        (a, b) => b.score - a.score || (a.entity < b.entity ? -1 : 1),
      );
      // Yesterday's list is still to be worked through (the demo's operator, Maria).
      const undecided = sampleDay === SAMPLE_LAST;
      ranked.forEach(({ entity }, rank) => {
        if (undecided) return;
        const roll = chance(`${sampleDay}|${entity}`);
        if (rank < TOP && roll < 0.8) {
          decisions.push({ entity, period, modelVersion: MODEL_VERSION, acted: true });
        } else if (rank < TOP) {
          const reason = PASSED_OVER[Math.floor(((roll - 0.8) / 0.2) * PASSED_OVER.length)]!;
          decisions.push({ entity, period, modelVersion: MODEL_VERSION, acted: false, reason });
        } else if (roll < 0.015) {
          const reason = OWN_CHOICE[Math.floor((roll / 0.015) * OWN_CHOICE.length)]!;
          decisions.push({ entity, period, modelVersion: MODEL_VERSION, acted: true, reason });
        }
      });
    }
    // The day's replacements count from the next day on.
    for (const r of byDay.get(d) ?? []) replaced.get(r['machineID']!)?.set(r['comp']!, d);
  }
  const outcomes: OutcomeItem[] = failures
    .filter((f) => f['datetime']!.slice(0, 10) >= SAMPLE_FIRST)
    .map((f) => ({
      entity: f['machineID']!,
      time: `${moved(f['datetime']!.slice(0, 10))}T${f['datetime']!.slice(11, 19)}Z`,
      event: `failure of ${f['failure']}`,
    }));

  await services.production.ingest(projectId, { kind: 'predictions', items: predictions });
  await services.production.ingest(projectId, { kind: 'decisions', items: decisions });
  await services.production.ingest(projectId, { kind: 'outcomes', items: outcomes });
  return true;
}
