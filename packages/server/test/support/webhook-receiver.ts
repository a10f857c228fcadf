import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  /** The request's path (a test can point several endpoints at one receiver). */
  path: string;
  eventId: string;
  deliveryId: string;
  type: string;
  body: string;
  /** Date.now() when it arrived. */
  at: number;
}

/** What the receiver answers: a status, or `stall` to keep the request open unanswered. */
export type ReceiverMode = { status: number } | 'stall';

/**
 * A real webhook receiver on 127.0.0.1: records each request's Sextant headers and body and
 * answers as `mode` says (200 by default), so tests can watch deliveries arrive.
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  mode: ReceiverMode = { status: 200 };
  private server: Server | null = null;
  private stalled: ServerResponse[] = [];
  private listeners: (() => void)[] = [];

  constructor(private port = 0) {}

  get url(): string {
    return this.urlOf('/hook');
  }

  urlOf(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  async start(): Promise<this> {
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        if (this.mode === 'stall') {
          this.stalled.push(res);
          return;
        }
        this.received.push({
          path: req.url ?? '/',
          eventId: String(req.headers['sextant-event-id'] ?? ''),
          deliveryId: String(req.headers['sextant-delivery'] ?? ''),
          type: String(req.headers['sextant-event'] ?? ''),
          body,
          at: Date.now(),
        });
        res.writeHead(this.mode.status, { 'content-type': 'text/plain' }).end('ok');
        for (const listener of this.listeners) listener();
      });
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
    return this;
  }

  /** Called on every delivery recorded (benchmarks time arrivals with it). */
  onReceive(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** How many times each event id arrived. */
  countsByEvent(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const hook of this.received.filter((h) => h.eventId !== ''))
      counts.set(hook.eventId, (counts.get(hook.eventId) ?? 0) + 1);
    return counts;
  }

  async stop(): Promise<void> {
    for (const res of this.stalled.splice(0)) res.destroy();
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
