import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { FeedbackResult, Project, Team } from '@sextant/core';
import { createTestDatabase, type TestDatabase } from '../../../server/test/support/databases.js';
import {
  apiClient,
  assertBuilt,
  startServerWithToken,
  waitForExit,
  type ServerProcess,
} from '../support/server-process.js';

/**
 * A bulk upload is read, validated and written in chunks, so the server's memory does not
 * follow the size of the body. Measured on a real server process: its peak resident set
 * (VmHWM, reset just before the upload) against its resident set at that moment. When every
 * row was collected into one array (and copied twice more), a 16 MB upload raised it by
 * 377 MiB on SQLite and 342 MiB on PostgreSQL; streamed, by a few tens.
 */
const UPLOAD_BYTES = 16 * 1024 * 1024;
const MAX_RISE_MIB = 80;

const MACHINES = 1_000;

/** `m0001,2024-01-01,v1,0.1234` … as CSV text chunks of about 64 KB, up to `bytes` in all. */
function* predictionsCsv(bytes: number): Generator<string> {
  let sent = 0;
  let chunk = 'entity,period,model_version,score\n';
  for (let row = 0; sent < bytes; row += 1) {
    const day = new Date(Date.UTC(2024, 0, 1) + Math.floor(row / MACHINES) * 86_400_000);
    const score = ((row * 7919) % 10_000) / 10_000;
    chunk += `m${String(row % MACHINES).padStart(4, '0')},${day.toISOString().slice(0, 10)},v1,${score}\n`;
    if (chunk.length >= 65_536) {
      sent += chunk.length;
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/** Posts the chunks as one streamed body (no content-length) and reads the answer. */
function postStreamed(
  url: string,
  token: string,
  chunks: Iterable<string>,
): Promise<{ status: number; body: FeedbackResult }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    const iterator = chunks[Symbol.iterator]();
    const pump = () => {
      for (let next = iterator.next(); !next.done; next = iterator.next()) {
        if (!req.write(next.value)) {
          req.once('drain', pump);
          return;
        }
      }
      req.end();
    };
    pump();
  });
}

const kib = (status: string, field: 'VmRSS' | 'VmHWM') =>
  Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1]);

for (const kind of ['sqlite', 'postgres'] as const) {
  describe.skipIf(
    !existsSync('/proc/self/status') || (kind === 'postgres' && !inject('postgresAvailable')),
  )(`a bulk upload in bounded memory [${kind}]`, () => {
    let database: TestDatabase;
    let server: ServerProcess;
    let token: string;

    beforeAll(async () => {
      assertBuilt();
      database = await createTestDatabase(kind);
      const env = { SEXTANT_DATA_DIR: database.dataDir, DATABASE_URL: database.url ?? '' };
      ({ server, token } = await startServerWithToken(env, 'memory@example.test'));
    });

    afterAll(async () => {
      if (server) {
        server.child.kill('SIGTERM');
        await waitForExit(server.child);
      }
      await database?.drop();
    });

    it('takes a 16 MB predictions CSV with the peak RSS rising by far less than the body', async () => {
      const api = apiClient(server.url, token);
      const team = await api<Team>('POST', '/teams', { name: 'Memory' });
      const project = await api<Project>('POST', '/projects', {
        teamId: team.body.id,
        name: 'Streamed upload',
      });
      const route = `${server.url}/api/v1/projects/${project.body.id}/feedback/predictions`;
      // A small upload first, so what the route loads once (parsers, statements) is counted
      // in the resting size, not in the rise.
      const warm = await postStreamed(route, token, predictionsCsv(256 * 1024));
      expect(warm.status).toBe(200);

      const statusFile = `/proc/${server.child.pid}/status`;
      // "5" resets the peak (VmHWM) to the current resident set (proc(5), clear_refs).
      writeFileSync(`/proc/${server.child.pid}/clear_refs`, '5');
      const resting = kib(readFileSync(statusFile, 'utf8'), 'VmRSS');
      const reply = await postStreamed(route, token, predictionsCsv(UPLOAD_BYTES));
      const peak = kib(readFileSync(statusFile, 'utf8'), 'VmHWM');

      expect(reply.status).toBe(200);
      const rows = reply.body.inserted + reply.body.updated;
      expect(reply.body.received).toBeGreaterThan(500_000);
      expect(rows).toBe(reply.body.received);
      const riseMib = (peak - resting) / 1024;
      expect(
        riseMib,
        `peak RSS rose ${riseMib.toFixed(0)} MiB for a ${UPLOAD_BYTES / 1024 / 1024} MiB upload`,
      ).toBeLessThan(MAX_RISE_MIB);
    }, 120_000);
  });
}
