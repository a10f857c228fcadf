import { createHmac } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  NOTIFICATION_EVENT_DATA,
  NOTIFICATION_EVENT_TYPES,
  NOTIFICATION_EVENT_VERSION,
} from '@sextant/core';

/*
 * docs/events.md is what receivers copy: its verification snippets must accept a request
 * signed the agreed way and refuse the rest, and its examples must be valid envelopes.
 */

const doc = readFileSync(new URL('../../../../docs/events.md', import.meta.url), 'utf8');

/** The code block right after `<!-- verify: <lang> -->`. */
function snippet(lang: string): string {
  const match = new RegExp(`<!-- verify: ${lang} -->\\s*\`\`\`\\w+\\n([\\s\\S]*?)\`\`\``).exec(doc);
  if (!match?.[1]) throw new Error(`no ${lang} snippet in docs/events.md`);
  return match[1];
}

/** Signed as the pipeline signs: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>. */
const sign = (secret: string, t: number, body: string) =>
  `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;

const SECRET = 'whsec_3q2-7wM1c0bGxN5kT8yZpQ4rS6vU9aBdEfHjKmLnPoQ';
const BODY = JSON.stringify({ id: '0193', type: 'sprint.closed', summary: 'Sprint 4 − 75 %' });
const NOW = 1_763_460_000;

/** Each case: header, body, secret, now (seconds) → expected verdict. */
const CASES: {
  name: string;
  header: string | null;
  body: string;
  secret: string;
  now: number;
  ok: boolean;
}[] = [
  {
    name: 'signed now',
    header: sign(SECRET, NOW, BODY),
    body: BODY,
    secret: SECRET,
    now: NOW,
    ok: true,
  },
  {
    name: 'signed 4 min ago',
    header: sign(SECRET, NOW - 240, BODY),
    body: BODY,
    secret: SECRET,
    now: NOW,
    ok: true,
  },
  {
    name: 'signed 6 min ago',
    header: sign(SECRET, NOW - 360, BODY),
    body: BODY,
    secret: SECRET,
    now: NOW,
    ok: false,
  },
  {
    name: 'another body',
    header: sign(SECRET, NOW, BODY),
    body: `${BODY} `,
    secret: SECRET,
    now: NOW,
    ok: false,
  },
  {
    name: 'another secret',
    header: sign(SECRET, NOW, BODY),
    body: BODY,
    secret: `${SECRET}x`,
    now: NOW,
    ok: false,
  },
  {
    name: 'two v1 during a rotation',
    header: `${sign(`${SECRET}old`, NOW, BODY)},v1=${sign(SECRET, NOW, BODY).split('v1=')[1]}`,
    body: BODY,
    secret: SECRET,
    now: NOW,
    ok: true,
  },
  { name: 'no header', header: null, body: BODY, secret: SECRET, now: NOW, ok: false },
  { name: 'garbage', header: 't=abc,v1=zz', body: BODY, secret: SECRET, now: NOW, ok: false },
];

const dir = mkdtempSync(join(tmpdir(), 'sextant-events-doc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('docs/events.md', () => {
  it('the Node.js snippet verifies what is signed the agreed way, and nothing else', async () => {
    const file = join(dir, 'verify.mjs');
    writeFileSync(file, snippet('node'));
    const mod = (await import(pathToFileURL(file).href)) as {
      verifySextantSignature: (
        body: Buffer,
        header: string | undefined,
        secret: string,
        tolerance?: number,
        nowMs?: number,
      ) => boolean;
    };
    for (const c of CASES) {
      const verdict = mod.verifySextantSignature(
        Buffer.from(c.body, 'utf8'),
        c.header ?? undefined,
        c.secret,
        300,
        c.now * 1000,
      );
      expect(verdict, c.name).toBe(c.ok);
    }
  });

  it('the Python snippet gives the same verdicts (python3)', () => {
    const file = join(dir, 'verify.py');
    writeFileSync(
      file,
      `${snippet('python')}\n\nimport json, sys\ncases = json.load(sys.stdin)\nprint(json.dumps([verify_sextant_signature(c["body"].encode("utf-8"), c["header"], c["secret"], 300, c["now"]) for c in cases]))\n`,
    );
    const result = spawnSync('python3', [file], { input: JSON.stringify(CASES), encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual(CASES.map((c) => c.ok));
  });

  it('every example is a valid envelope of its type, and every type is documented', () => {
    const examples = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map(
      (m) => JSON.parse(m[1] ?? '') as Record<string, unknown>,
    );
    const documented = new Set<string>();
    for (const example of examples) {
      const type = example.type as keyof typeof NOTIFICATION_EVENT_DATA;
      expect(Object.keys(example)).toEqual([
        'id',
        'type',
        'version',
        'occurredAt',
        'project',
        'title',
        'summary',
        'facts',
        'url',
        'data',
      ]);
      expect(example.version).toBe(NOTIFICATION_EVENT_VERSION);
      expect(NOTIFICATION_EVENT_DATA[type].safeParse(example.data).success, type).toBe(true);
      documented.add(type);
    }
    for (const type of NOTIFICATION_EVENT_TYPES) expect(doc).toContain(`### \`${type}\``);
    expect(documented.size).toBe(Object.keys(NOTIFICATION_EVENT_DATA).length);
  });
});
