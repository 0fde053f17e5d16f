import type { CarrierContext, CarrierLogger, LogFields } from '@parcelgate/carrier-kit';
import { createFetchHttpClient } from '@parcelgate/carrier-kit/wire';

/** Where msw answers in unit tests; nothing leaves the machine. */
export const SANDBOX_TEST_BASE_URL = 'https://sandbox.test/sandbox';

/** The API key unit tests send; long and unusual so a leak into a message is easy to spot. */
export const SANDBOX_TEST_API_KEY = 'sbx_unit_test_key_4f9c2a';

/** The fixed instant unit tests run at (HTTP-date Retry-After is measured from it). */
export const SANDBOX_TEST_NOW = new Date('2026-11-26T02:00:00Z');

/** One log line captured by {@link createSandboxTestContext}. */
export interface LoggedLine {
  readonly level: keyof CarrierLogger;
  readonly message: string;
  readonly fields: LogFields | undefined;
}

/** A context as the gateway builds it, plus the log lines the adapter wrote. */
export interface SandboxTestContext extends CarrierContext {
  readonly logged: LoggedLine[];
}

/**
 * Builds a context on carrier-kit's `createFetchHttpClient`, the production client, over
 * the global fetch that msw intercepts: the unit tests run the same HTTP path as the
 * gateway, not a fake of it.
 */
export function createSandboxTestContext(
  options: {
    readonly baseUrl?: string;
    readonly apiKey?: string;
    readonly signal?: AbortSignal;
    readonly now?: Date;
  } = {},
): SandboxTestContext {
  const logged: LoggedLine[] = [];
  const log =
    (level: keyof CarrierLogger) =>
    (message: string, fields?: LogFields): void => {
      logged.push({ level, message, fields });
    };
  const now = options.now ?? SANDBOX_TEST_NOW;
  return {
    http: createFetchHttpClient({
      carrierId: 'sandbox',
      baseUrl: options.baseUrl ?? SANDBOX_TEST_BASE_URL,
    }),
    signal: options.signal ?? new AbortController().signal,
    credentials: options.apiKey === '' ? {} : { apiKey: options.apiKey ?? SANDBOX_TEST_API_KEY },
    logger: { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') },
    clock: { now: () => now },
    requestId: 'req_test_0001',
    logged,
  };
}
