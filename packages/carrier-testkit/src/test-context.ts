import type {
  CarrierContext,
  CarrierCredentials,
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
  /** The adapter (or its id): the HTTP client classifies failures in its name. */
  readonly carrier: string | { readonly id: string };
  /** The carrier base URL, where msw or the simulator answers. */
  readonly baseUrl: string;
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
    http: createFetchHttpClient({
      carrierId,
      baseUrl: options.baseUrl,
      signal,
      ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    }),
    signal,
    credentials: options.credentials ?? {},
    logger: createCapturingLogger(logs),
    clock: createTestClock(options.now ?? DEFAULT_TEST_NOW),
    requestId: options.requestId ?? 'req_test_1',
    logs,
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
