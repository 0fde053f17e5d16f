/**
 * PostgreSQL going away under the running gateway and coming back: the gateway reaches it
 * through a TCP relay in this process, which the test closes (refusing new connections,
 * cutting the open ones, as a stopped server does) and opens again. Every answer meanwhile
 * is a 503 `database-unavailable` problem with Retry-After, readiness says not ready, the
 * process stays up, and it serves again once the database is back. PGlite is embedded
 * and cannot go away like this: its case is in src/store/database-unavailable*.test.ts.
 */
import { createServer, connect as dial, type Server, type Socket } from 'node:net';
import { freePort, pollUntil, type Stack, startStack } from '@parcelgate/test-stack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Problem } from './api-types.ts';

const POSTGRES = process.env.DATABASE_URL?.trim() ?? '';

/** A TCP relay to PostgreSQL that can be cut and restored on the same port. */
class Relay {
  readonly port: number;
  private readonly target: URL;
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();

  constructor(port: number, target: URL) {
    this.port = port;
    this.target = target;
  }

  async open(): Promise<void> {
    const server = createServer((client) => {
      const upstream = dial(Number(this.target.port || 5432), this.target.hostname);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.server = server;
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) {
      socket.destroy();
    }
    await new Promise<void>((resolve) =>
      server === undefined ? resolve() : server.close(() => resolve()),
    );
  }
}

describe.skipIf(POSTGRES === '')('PostgreSQL unavailable under a running gateway', () => {
  let stack: Stack;
  let relay: Relay;

  beforeAll(async () => {
    relay = new Relay(await freePort(), new URL(POSTGRES));
    await relay.open();
    stack = await startStack({
      gatewayEnv: (_simUrl, _gatewayUrl, databaseUrl) => {
        const url = new URL(databaseUrl ?? POSTGRES);
        url.hostname = '127.0.0.1';
        url.port = String(relay.port);
        return { DATABASE_URL: url.toString() };
      },
    });
  });

  afterAll(async () => {
    await relay?.open().catch(() => {});
    await stack?.stop();
    await relay?.cut();
  });

  it('answers 503 database-unavailable while it is gone, and serves again once it is back', async () => {
    expect((await stack.api.get('/v1/intercepts')).status).toBe(200);

    await relay.cut();
    for (const path of ['/v1/intercepts', '/v1/carriers']) {
      const answer = await stack.api.get<Problem>(path);
      expect(answer.status, answer.text).toBe(503);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      expect(answer.headers.get('retry-after')).toBe('5');
      expect(answer.body).toMatchObject({
        type: 'https://parcelgate.dev/problems/database-unavailable',
        retryAfterSeconds: 5,
        requestId: answer.headers.get('x-request-id'),
      });
    }
    expect((await stack.client(undefined).get('/readyz')).status).toBe(503);
    expect((await stack.client(undefined).get('/healthz')).status).toBe(200);

    await relay.open();
    const ready = await pollUntil(
      () => stack.client(undefined).get('/readyz'),
      (answer) => answer.status === 200,
    );
    expect(ready.status).toBe(200);
    expect((await stack.api.get('/v1/intercepts')).status).toBe(200);
    expect(stack.gatewayLogs()).not.toContain('"statusCode":500');
  });
});
