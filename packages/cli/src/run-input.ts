import { readFileSync } from 'node:fs';
import { CreateRunBody, MetricName } from '@sextant/core';
import { ciMetadataOf, type DetectedCiEnvironment } from './ci-env.js';
import { CliError } from './cli-error.js';
import { parseBodyOrFail } from './parse.js';

type ParamValue = string | number | boolean;

/** A plain decimal number as people and ML tools write it: 0.42, -3, 1e-4, .5 (no hex, no "Infinity"). */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function parseNumber(text: string): number | null {
  if (!DECIMAL.test(text)) return null;
  const value = Number(text);
  // 1e309 is written like a number but is Infinity: refused like the API refuses it.
  return Number.isFinite(value) ? value : null;
}

function splitPair(flag: string, pair: string): [string, string] {
  const at = pair.indexOf('=');
  if (at < 0) throw new CliError(`${flag} "${pair}": expected name=value`);
  const name = pair.slice(0, at).trim();
  const value = pair.slice(at + 1).trim();
  const checked = MetricName.safeParse(name);
  if (!checked.success) {
    throw new CliError(
      `${flag} "${pair}": the name ${checked.error.issues[0]?.message ?? 'is invalid'}`,
    );
  }
  return [name, value];
}

/** `--metric name=value`, repeated: each value a finite number; a name given twice is an error. */
export function parseMetricFlags(pairs: readonly string[]): Record<string, number> {
  const metrics: Record<string, number> = {};
  for (const pair of pairs) {
    const [name, text] = splitPair('--metric', pair);
    const value = parseNumber(text);
    if (value === null) {
      throw new CliError(`--metric ${name}: "${text}" is not a finite number`);
    }
    if (Object.hasOwn(metrics, name)) throw new CliError(`--metric ${name} is given twice`);
    metrics[name] = value;
  }
  return metrics;
}

/** `--param name=value`, repeated: numbers and true/false are sent as such, anything else as text. */
export function parseParamFlags(pairs: readonly string[]): Record<string, ParamValue> {
  const params: Record<string, ParamValue> = {};
  for (const pair of pairs) {
    const [name, text] = splitPair('--param', pair);
    if (Object.hasOwn(params, name)) throw new CliError(`--param ${name} is given twice`);
    params[name] = text === 'true' ? true : text === 'false' ? false : (parseNumber(text) ?? text);
  }
  return params;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A metrics file: a JSON object of name → number, or `{ "metrics": {…}, "params": {…} }`
 * (params optional). Anything else is an error naming the file and the offending entry.
 */
export function parseMetricsFile(
  file: string,
  text: string,
): { metrics: Record<string, number>; params: Record<string, unknown> } {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new CliError(`${file} is not JSON: ${(error as Error).message}`);
  }
  if (!isObject(document)) {
    throw new CliError(`${file} must hold a JSON object of metric name → number`);
  }
  const wrapped = isObject(document.metrics);
  const metrics = wrapped ? (document.metrics as Record<string, unknown>) : document;
  const params = wrapped && isObject(document.params) ? document.params : {};
  if (wrapped && document.params !== undefined && !isObject(document.params)) {
    throw new CliError(`${file}: "params" must be an object of name → value`);
  }
  const numbers: Record<string, number> = {};
  for (const [name, value] of Object.entries(metrics)) {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new CliError(
        `${file}: metric "${name}" is ${JSON.stringify(value) ?? String(value)}, not a finite number`,
      );
    }
    const checked = MetricName.safeParse(name);
    if (!checked.success) {
      throw new CliError(
        `${file}: metric name "${name}" ${checked.error.issues[0]?.message ?? 'is invalid'}`,
      );
    }
    numbers[name] = value;
  }
  return { metrics: numbers, params };
}

export function readMetricsFile(file: string): ReturnType<typeof parseMetricsFile> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new CliError(`cannot read ${file}`);
  }
  return parseMetricsFile(file, text);
}

export interface RunInput {
  /** From `--metrics-file`, if given. */
  file?: { metrics: Record<string, number>; params: Record<string, unknown> };
  metricFlags: readonly string[];
  paramFlags: readonly string[];
  /** Detected from the CI environment, with `--commit`/`--branch` applied. */
  ci: DetectedCiEnvironment;
  datasetVersion?: string;
  evaluationFingerprint?: string;
  /** When the run began and ended (ISO-8601), where the command knows it. */
  startedAt?: string;
  finishedAt?: string;
}

/** Which flag or variable a field of the body came from, for the one-line error. */
const SOURCES: Record<string, string> = {
  metrics: '--metric/--metrics-file',
  params: '--param',
  commit: '--commit',
  branch: '--branch',
  datasetVersion: '--dataset-version',
  evaluationFingerprint: '--evaluation-fingerprint',
  ci: 'CI metadata',
};

/**
 * The body of `POST /projects/{id}/runs`, checked with the API's own schema so a mistake is
 * named before anything is sent. `ci` is sent only when provider, job id and job URL are all
 * known; `missingCi` says what was missing otherwise (the run is then recorded as manual).
 */
export function buildRunBody(input: RunInput): { body: CreateRunBody; missingCi: string[] } {
  // Flags win over the file, name by name.
  const metrics = { ...input.file?.metrics, ...parseMetricFlags(input.metricFlags) };
  const params = { ...input.file?.params, ...parseParamFlags(input.paramFlags) };
  if (Object.keys(metrics).length === 0) {
    throw new CliError('no metrics: pass --metric name=value (repeatable) or --metrics-file FILE');
  }
  const commit = input.ci.commit;
  if (!commit) {
    throw new CliError(
      'no commit: pass --commit or set SEXTANT_COMMIT (read from GITHUB_SHA in GitHub Actions, CI_COMMIT_SHA in GitLab CI)',
    );
  }
  const ci = ciMetadataOf(input.ci);
  const candidate = {
    metrics,
    ...(Object.keys(params).length > 0 ? { params } : {}),
    commit,
    ...(input.ci.branch ? { branch: input.ci.branch } : {}),
    ...(input.datasetVersion !== undefined ? { datasetVersion: input.datasetVersion } : {}),
    ...(input.evaluationFingerprint !== undefined
      ? { evaluationFingerprint: input.evaluationFingerprint }
      : {}),
    ...(input.startedAt !== undefined ? { startedAt: input.startedAt } : {}),
    ...(input.finishedAt !== undefined ? { finishedAt: input.finishedAt } : {}),
    ...('missing' in ci ? {} : { ci }),
  };
  const body = parseBodyOrFail(CreateRunBody, candidate, SOURCES);
  return { body, missingCi: 'missing' in ci ? ci.missing : [] };
}
