import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** One delivery as the receiver got it. */
export interface ReceivedWebhook {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** An event as a delivery's body carries it (the parts tests read). */
export interface DeliveredEvent {
  readonly id: string;
  readonly type: string;
  readonly objectId: string;
  readonly data: Record<string, unknown>;
}

/**
 * A webhook receiver on 127.0.0.1 for tests: it keeps every delivery in arrival order and
 * answers with the status the test sets (a long body for errors, to show it is cut).
 * `waitFor` resolves when a condition on what arrived holds, without polling.
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  /** The status of the next answers. */
  status = 204;
  readonly #server: Server;
  readonly #waiters = new Set<() => void>();

  constructor() {
    this.#server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        this.received.push({ headers: request.headers, body: Buffer.concat(chunks).toString() });
        response.writeHead(this.status, { 'content-type': 'text/plain' });
        response.end(this.status >= 300 ? `down for maintenance ${'x'.repeat(2000)}` : '');
        for (const waiter of [...this.#waiters]) {
          waiter();
        }
      });
    });
  }

  /** Listens on a free port; resolves with the URL to give an endpoint. */
  async start(): Promise<string> {
    this.#server.listen(0, '127.0.0.1');
    await once(this.#server, 'listening');
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}/hooks`;
  }

  close(): Promise<void> {
    this.#server.closeAllConnections();
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }

  /** The bodies received, parsed. */
  events(): DeliveredEvent[] {
    return this.received.map((item) => JSON.parse(item.body) as DeliveredEvent);
  }

  /**
   * Resolves once `done` holds for what arrived (checked now and at each delivery), or
   * rejects after `timeoutMs` saying what arrived.
   */
  waitFor(done: (events: DeliveredEvent[]) => boolean, timeoutMs = 60_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (done(this.events())) {
          this.#waiters.delete(check);
          clearTimeout(timer);
          resolve();
        }
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(check);
        reject(
          new Error(
            `the receiver got ${this.received.length} deliveries, not what was awaited: ${this.events()
              .map((event) => `${event.type} ${event.objectId}`)
              .join(', ')}`,
          ),
        );
      }, timeoutMs);
      this.#waiters.add(check);
      check();
    });
  }

  /** Verifies a delivery with the Standard Webhooks reference library; throws if it fails. */
  static verify(secret: string, item: ReceivedWebhook): unknown {
    return new Webhook(secret).verify(item.body, {
      'webhook-id': String(item.headers['webhook-id']),
      'webhook-timestamp': String(item.headers['webhook-timestamp']),
      'webhook-signature': String(item.headers['webhook-signature']),
    });
  }
}
