import { type HttpHandler, http } from 'msw';
import { type SetupServer, setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';

/** One request the carrier received, recorded as it was sent. */
export interface RecordedCall {
  readonly method: string;
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  /** The raw body ('' when there was none). */
  readonly body: string;
  /** The body parsed as JSON; undefined when it is not JSON. */
  readonly json: unknown;
}

/** An msw server for an adapter's unit tests, with every request it saw in `calls`. */
export interface CarrierTestServer {
  readonly server: SetupServer;
  /** Requests received since the last reset, oldest first. */
  readonly calls: readonly RecordedCall[];
  /** The most recent call; throws when there was none, so a test fails with a clear message. */
  lastCall(): RecordedCall;
  /** Adds handlers for the current test only (removed after each test). */
  use(...handlers: HttpHandler[]): void;
  listen(): void;
  /** Drops per-test handlers and recorded calls. */
  reset(): void;
  close(): void;
}

/** Options of {@link createCarrierTestServer}. */
export interface CarrierTestServerOptions {
  /**
   * Register `beforeAll(listen)`, `afterEach(reset)` and `afterAll(close)` in the calling
   * test file (default true); pass false to drive the lifecycle by hand.
   */
  readonly lifecycle?: boolean;
}

/**
 * An msw server for an adapter's own unit tests, like vercel/ai's test server: it answers
 * with the given handlers, records each request (body included) in `calls` for inline
 * snapshots of what the adapter sent, and fails any request no handler matches, so an
 * adapter calling a wrong URL never reaches the network.
 *
 * @example
 * ```ts
 * const carrier = createCarrierTestServer([
 *   http.get('https://api.acme.test/v1/shipments/:trackingNumber', () => HttpResponse.json(trackDelivered)),
 * ]);
 *
 * it('sends the API key', async () => {
 *   await acmeCarrier.track(ctx, { trackingNumber: 'ACM123' });
 *   expect(carrier.lastCall().headers['x-api-key']).toBe('acme_test_key');
 * });
 * ```
 */
export function createCarrierTestServer(
  handlers: readonly HttpHandler[] = [],
  options: CarrierTestServerOptions = {},
): CarrierTestServer {
  const calls: RecordedCall[] = [];
  // Runs before every other handler and falls through (answers nothing), so each call is
  // recorded, body included, before the adapter can see the response.
  const recorder = http.all('*', async ({ request }) => {
    const body = await request.clone().text();
    calls.push({
      method: request.method,
      url: new URL(request.url),
      headers: Object.fromEntries(request.headers.entries()),
      body,
      json: parseJson(body),
    });
    return undefined;
  });
  const server = setupServer(recorder, ...handlers);
  let perTest: HttpHandler[] = [];

  const testServer: CarrierTestServer = {
    server,
    calls,
    lastCall() {
      const call = calls.at(-1);
      if (call === undefined) {
        throw new Error('the carrier test server received no request');
      }
      return call;
    },
    use(...extra) {
      // Newest first like msw's own use(), but always after the recorder.
      perTest = [...extra, ...perTest];
      server.resetHandlers(recorder, ...perTest, ...handlers);
    },
    listen: () => server.listen({ onUnhandledFrame: 'error' }),
    reset() {
      perTest = [];
      server.resetHandlers(recorder, ...handlers);
      calls.length = 0;
    },
    close: () => server.close(),
  };

  if (options.lifecycle !== false) {
    beforeAll(() => testServer.listen());
    afterEach(() => testServer.reset());
    afterAll(() => testServer.close());
  }
  return testServer;
}

function parseJson(body: string): unknown {
  if (body === '') {
    return undefined;
  }
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}
