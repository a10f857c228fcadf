#!/usr/bin/env node
// Writes the evaluation benchmark's predictions file: MACHINES machines × DAYS days, one row
// per machine and day as `period,entity,score,label`, periods `YYYY-MM-DD` ascending from
// 2016-01-01 and entities m0001… ascending within each day. The score is rounded to 3
// decimals (so ties happen and the tie rule matters) and leans towards the rows whose label
// is 1 (a few % of them), so the top 10 catch some events but not all. Everything follows
// from the seed: the same flags write the same bytes. Streams with backpressure.
// `shuffle` writes the same rows in a seeded random order (the header first), for reading a
// file that is not sorted by period; `--shuffled FILE` writes that file too.
//   node bench/evaluate/generate.mjs [--out FILE] [--machines 1000] [--days 3650] [--seed 42]
//     [--shuffled FILE]
import {
  closeSync,
  createWriteStream,
  mkdtempSync,
  openSync,
  readFileSync,
  writeSync,
} from 'node:fs';
import { stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const FIRST_DAY = Date.UTC(2016, 0, 1);
const DAY = 86_400_000;
/** Share of (machine, day) rows whose label is 1. */
const EVENT_RATE = 0.03;

/** mulberry32: a small seeded generator of floats in [0, 1). */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** `m0001`-style entity names, as wide as the largest machine number (at least 4 digits). */
export function entityNames(machines) {
  const width = Math.max(4, String(machines).length);
  return Array.from({ length: machines }, (_, i) => `m${String(i + 1).padStart(width, '0')}`);
}

/** `YYYY-MM-DD` of the day `d` days after 2016-01-01. */
export function dayName(d) {
  return new Date(FIRST_DAY + d * DAY).toISOString().slice(0, 10);
}

/** Writes the file and resolves with its path, row count, size in bytes and seconds taken. */
export async function generate({ out, machines = 1_000, days = 3_650, seed = 42 }) {
  const start = performance.now();
  const random = seededRandom(seed);
  const entities = entityNames(machines);
  const stream = createWriteStream(out);
  const write = (text) =>
    stream.write(text) ? undefined : new Promise((resolve) => stream.once('drain', resolve));
  await write('period,entity,score,label\n');
  const DAYS_PER_WRITE = 8;
  let chunk = '';
  for (let d = 0; d < days; d += 1) {
    const period = dayName(d);
    for (let m = 0; m < machines; m += 1) {
      const label = random() < EVENT_RATE ? 1 : 0;
      const lean = label ? 0.25 * random() : 0;
      const score = Math.min(1, 0.65 * random() + lean).toFixed(3);
      chunk += `${period},${entities[m]},${score},${label}\n`;
    }
    if ((d + 1) % DAYS_PER_WRITE === 0) {
      await write(chunk);
      chunk = '';
    }
  }
  if (chunk) await write(chunk);
  await new Promise((resolve, reject) => {
    stream.once('error', reject);
    stream.end(resolve);
  });
  const { size } = await stat(out);
  return {
    file: out,
    rows: machines * days,
    bytes: size,
    seconds: (performance.now() - start) / 1000,
  };
}

/**
 * Writes the rows of `from` to `out` in a random order drawn from `seed` (Fisher–Yates with
 * mulberry32), the header line first: the same file and seed write the same bytes. Works on
 * the bytes (line starts in a typed array), so 3.65 M rows take a second or two.
 */
export function shuffle({ from, out, seed = 7 }) {
  const start = performance.now();
  const bytes = readFileSync(from);
  if (bytes[bytes.length - 1] !== 10) throw new Error(`${from} does not end with a newline`);
  const headerEnd = bytes.indexOf(10) + 1;
  let count = 0;
  for (let i = headerEnd; i < bytes.length; i = bytes.indexOf(10, i) + 1) count += 1;
  const starts = new Int32Array(count + 1);
  for (let i = headerEnd, k = 0; k < count; i = bytes.indexOf(10, i) + 1) starts[k++] = i;
  starts[count] = bytes.length;
  const order = new Int32Array(count);
  for (let k = 0; k < count; k += 1) order[k] = k;
  const random = seededRandom(seed);
  for (let k = count - 1; k > 0; k -= 1) {
    const j = Math.floor(random() * (k + 1));
    const t = order[k];
    order[k] = order[j];
    order[j] = t;
  }
  const shuffled = Buffer.allocUnsafe(bytes.length);
  let at = bytes.copy(shuffled, 0, 0, headerEnd);
  for (let k = 0; k < count; k += 1) {
    const line = order[k];
    at += bytes.copy(shuffled, at, starts[line], starts[line + 1]);
  }
  const fd = openSync(out, 'w');
  try {
    writeSync(fd, shuffled, 0, at);
  } finally {
    closeSync(fd);
  }
  return { file: out, rows: count, bytes: at, seconds: (performance.now() - start) / 1000 };
}

/** `--name VALUE` from the command line, or `fallback`. */
function flag(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out =
    flag('out') ?? join(mkdtempSync(join(tmpdir(), 'sextant-bench-evaluate-')), 'predictions.csv');
  const made = await generate({
    out,
    machines: Number(flag('machines', 1_000)),
    days: Number(flag('days', 3_650)),
    seed: Number(flag('seed', 42)),
  });
  console.log(
    `${made.file}: ${made.rows.toLocaleString('en-US')} rows, ` +
      `${(made.bytes / 1024 / 1024).toFixed(1)} MiB in ${made.seconds.toFixed(1)} s`,
  );
  const shuffledOut = flag('shuffled');
  if (shuffledOut) {
    const mixed = shuffle({ from: out, out: shuffledOut, seed: Number(flag('seed', 42)) });
    console.log(
      `${mixed.file}: the same rows shuffled (seed ${Number(flag('seed', 42))}) in ${mixed.seconds.toFixed(1)} s`,
    );
  }
}
