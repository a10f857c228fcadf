import { createServer, type IncomingMessage } from 'node:http';

/** What a GitHub Actions runner exports, trimmed to what the CI commands read. */
export function githubActionsEnv(sha: string, runId: string, attempt = '1') {
  return {
    GITHUB_ACTIONS: 'true',
    GITHUB_SHA: sha,
    GITHUB_REF_NAME: 'main',
    GITHUB_HEAD_REF: '',
    GITHUB_RUN_ID: runId,
    GITHUB_RUN_ATTEMPT: attempt,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'acme/predictive-maintenance',
  };
}

/** The variables of the machine running the tests must not leak into the simulated job. */
export const CLEAN_CI = {
  GITHUB_ACTIONS: '',
  GITLAB_CI: '',
  SEXTANT_COMMIT: '',
  SEXTANT_BRANCH: '',
  SEXTANT_CI_PROVIDER: '',
  SEXTANT_JOB_ID: '',
  SEXTANT_JOB_URL: '',
  SEXTANT_PROJECT: '',
};

export interface LossyProxy {
  url: string;
  /** Every request that reached the proxy: its Idempotency-Key and body. */
  seen: { key: string | undefined; body: string }[];
  close(): Promise<void>;
}

/**
 * A proxy in front of `upstream` that forwards every request but answers the first with a
 * 502, as a load balancer does when the server's answer is lost: the write is stored, the
 * CLI does not know it.
 */
export async function startLossyProxy(upstream: string): Promise<LossyProxy> {
  const seen: LossyProxy['seen'] = [];
  const proxy = createServer((request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      const body = Buffer.concat(chunks).toString();
      seen.push({ key: request.headers['idempotency-key'] as string | undefined, body });
      const answer = await fetch(`${upstream}${request.url}`, {
        method: request.method,
        headers: {
          authorization: String(request.headers.authorization),
          'content-type': 'application/json',
          'idempotency-key': String(request.headers['idempotency-key']),
        },
        body,
      });
      const text = await answer.text();
      if (seen.length === 1) {
        response.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad Gateway</h1>');
      } else {
        response.writeHead(answer.status, { 'content-type': 'application/json' }).end(text);
      }
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const address = proxy.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise<void>((resolve) => proxy.close(() => resolve())),
  };
}
