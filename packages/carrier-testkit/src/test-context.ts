import type {
  CarrierContext,
  CarrierCredentials,
  CarrierEndpoints,
  CarrierHttpClient,
  CarrierLogger,
  Clock,
  LogFields,
} from '@parcelgate/carrier-kit';
import { createFetchHttpClient } from '@parcelgate/carrier-kit/wire';

/**
 * The instant test contexts' clocks stand at unless told otherwise: 09:00 in China on a
 * weekday. Deliberately not the real time, so an adapter that reads `new Date()` instead of
 * `ctx.clock` gets visibly wrong answers (e.g. a Retry-After date read against the wrong now).
 */
export const DEFAULT_TEST_NOW = new Date('2026-11-26T01:00:00.000Z');

/** One line an adapter logged, exactly as it passed it (no redaction: tests look for leaks). */
export interface CapturedLogLine {
  readonly level: keyof CarrierLogger;
  readonly message: string;
  readonly fields?: LogFields;
}

/** A clock that stands still until a test moves it. */
export interface TestClock extends Clock {
  /** Moves the clock forward, e.g. past a token's expiry. */
  advance(milliseconds: number): void;
  set(instant: Date | string): void;
}

/** A {@link CarrierContext} whose logger and clock a test can inspect and drive. */
export interface TestCarrierContext extends CarrierContext {
  readonly clock: TestClock;
  /** Every line logged through `ctx.logger`, oldest first. */
  readonly logs: readonly CapturedLogLine[];
}

/** What {@link createTestContext} needs. */
export interface TestContextOptions {
  /**
   * The adapter (or its id): the HTTP client classifies failures in its name. Given the
   * adapter, a request naming a host its `endpoints.hosts` does not declare throws, as in
   * the gateway; given only an id, a host `hosts` does not list is served from `baseUrl`.
   */
  readonly carrier: string | { readonly id: string; readonly endpoints?: CarrierEndpoints };
  /** The carrier's default base URL, where msw or the simulator answers. */
  readonly baseUrl: string;
  /**
   * Base URLs of named hosts, by name (e.g. real hostnames msw answers on, to prove which
   * host each request goes to). Declared hosts not listed here are served from `baseUrl`,
   * as the simulator serves them all under one prefix.
   */
  readonly hosts?: Readonly<Record<string, string>>;
  readonly credentials?: CarrierCredentials;
  /** Defaults to the global fetch, which msw intercepts. */
  readonly fetch?: typeof fetch;
  /** Defaults to a signal that never fires. */
  readonly signal?: AbortSignal;
  /** Where the clock stands; defaults to {@link DEFAULT_TEST_NOW}. */
  readonly now?: Date | string;
  /** Defaults to `req_test_1`. */
  readonly requestId?: string;
}

/**
 * Builds the context the gateway would give an operation, on carrier-kit's own
 * `createFetchHttpClient`, so tests exercise the production classification of network
 * failures and aborts rather than a stand-in.
 *
 * @example
 * ```ts
 * const ctx = createTestContext({ carrier: acmeCarrier, baseUrl: 'https://api.acme.test', credentials });
 * await acmeCarrier.track(ctx, { trackingNumber: 'ACM123' });
 * expect(ctx.logs).toEqual([]);
 * ```
 */
export function createTestContext(options: TestContextOptions): TestCarrierContext {
  const carrierId = typeof options.carrier === 'string' ? options.carrier : options.carrier.id;
  const signal = options.signal ?? new AbortController().signal;
  const logs: CapturedLogLine[] = [];
  return {
    http: createTestHttpClient(carrierId, options, signal),
    signal,
    credentials: options.credentials ?? {},
    logger: createCapturingLogger(logs),
    clock: createTestClock(options.now ?? DEFAULT_TEST_NOW),
    requestId: options.requestId ?? 'req_test_1',
    logs,
  };
}

/**
 * The production fetch client, every declared host at `baseUrl` unless `hosts` moves it.
 * Given only an id, the declared hosts are unknown: a request naming a host `hosts` does
 * not list goes to `baseUrl`, where a simulator serves every host anyway.
 */
function createTestHttpClient(
  carrierId: string,
  options: TestContextOptions,
  signal: AbortSignal,
): CarrierHttpClient {
  const { carrier, baseUrl } = options;
  const declared = typeof carrier === 'string' ? [] : Object.keys(carrier.endpoints?.hosts ?? {});
  const hosts: Readonly<Record<string, string>> = {
    ...Object.fromEntries(declared.map((name) => [name, baseUrl])),
    ...options.hosts,
  };
  const client = createFetchHttpClient({
    carrierId,
    baseUrl,
    hosts,
    signal,
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  });
  if (typeof carrier !== 'string') {
    return client;
  }
  return {
    request: ({ host, ...request }) =>
      client.request(
        host !== undefined && Object.hasOwn(hosts, host) ? { ...request, host } : request,
      ),
  };
}

/** A logger that appends every line to `lines`. */
export function createCapturingLogger(lines: CapturedLogLine[]): CarrierLogger {
  const capture =
    (level: keyof CarrierLogger) =>
    (message: string, fields?: LogFields): void => {
      lines.push(fields === undefined ? { level, message } : { level, message, fields });
    };
  return {
    debug: capture('debug'),
    info: capture('info'),
    warn: capture('warn'),
    error: capture('error'),
  };
}

/** A clock standing at `start` until moved. */
export function createTestClock(start: Date | string): TestClock {
  let current = new Date(start).getTime();
  if (Number.isNaN(current)) {
    throw new RangeError(`not a date: ${String(start)}`);
  }
  return {
    // A fresh Date each time: an adapter mutating the one it got must not move the clock.
    now: () => new Date(current),
    advance(milliseconds) {
      current += milliseconds;
    },
    set(instant) {
      current = new Date(instant).getTime();
    },
  };
}
