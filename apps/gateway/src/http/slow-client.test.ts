/**
 * Slow clients are dropped: one that trickles its request head (slowloris) loses its socket
 * once the headers timeout passes, whatever it keeps sending. Waits on the socket's close
 * event, never on a fixed sleep.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeCarrier } from '../../test/support/fake-carrier.ts';
import { createTestGateway, type TestGateway } from '../../test/support/test-app.ts';
import { TIMEOUT_CHECK_INTERVAL_MS } from '../config/client-config.ts';
import { loadConfig } from '../config/load-config.ts';

const { carrier } = createFakeCarrier();
let gateway: TestGateway;
let port: number;

beforeAll(async () => {
  gateway = await createTestGateway(
    [carrier],
    { PARCELGATE_HEADERS_TIMEOUT_MS: '300' },
    { database: 'from-env' },
  );
  await gateway.app.listen({ port: 0, host: '127.0.0.1' });
  const address = gateway.app.server.address();
  port = typeof address === 'object' && address !== null ? address.port : 0;
});
afterAll(() => gateway?.close());

/** Sends a request head one header line every 50 ms until the server closes the socket. */
function trickleHeaders(): Promise<{ received: string; lines: number }> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    let lines = 0;
    const timer = setInterval(() => {
      lines += 1;
      socket.write(`x-slow-${lines}: still typing\r\n`);
    }, 50);
    socket.on('connect', () => socket.write('GET /healthz HTTP/1.1\r\nhost: localhost\r\n'));
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
    });
    // Writing to a socket the server just closed may fail; the close event still follows.
    socket.on('error', () => {});
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ received, lines });
    });
  });
}

describe('slow clients', () => {
  it('drops a client that keeps its request head coming slowly', async () => {
    const dropped = await trickleHeaders();
    expect(dropped.received).toMatch(/^HTTP\/1\.1 408 /);
    expect(dropped.lines).toBeGreaterThan(0);
    // Clients that send their request at once are served as ever.
    const ready = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(ready.status).toBe(200);
  }, 30_000);

  it('sets the configured timeouts on the server, a slow head gone within 10 s by default', () => {
    expect(gateway.app.server.headersTimeout).toBe(300);
    const defaults = loadConfig({}).client;
    expect(defaults.headersTimeoutMs + TIMEOUT_CHECK_INTERVAL_MS).toBeLessThanOrEqual(10_000);
    expect(defaults.requestTimeoutMs).toBe(30_000);
    expect(gateway.app.server.requestTimeout).toBe(30_000);
  });
});
