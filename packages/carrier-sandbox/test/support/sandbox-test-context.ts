import { createTestContext, type TestCarrierContext } from '@parcelgate/carrier-testkit';

/** Where msw answers in unit tests; nothing leaves the machine. */
export const SANDBOX_TEST_BASE_URL = 'https://sandbox.test/sandbox';

/** The API key unit tests send; long and unusual so a leak into a message is easy to spot. */
export const SANDBOX_TEST_API_KEY = 'sbx_unit_test_key_4f9c2a';

/** The fixed instant unit tests run at (HTTP-date Retry-After is measured from it). */
export const SANDBOX_TEST_NOW = new Date('2026-11-26T02:00:00Z');

/**
 * A context as the gateway builds it, from the testkit's `createTestContext`: its HTTP
 * client is carrier-kit's production `createFetchHttpClient` on the global fetch, which
 * msw intercepts, so unit tests run the gateway's HTTP path rather than a fake of it.
 * An empty `apiKey` leaves the credential out.
 */
export function createSandboxTestContext(
  options: { readonly apiKey?: string; readonly signal?: AbortSignal; readonly now?: Date } = {},
): TestCarrierContext {
  const apiKey = options.apiKey ?? SANDBOX_TEST_API_KEY;
  return createTestContext({
    carrier: 'sandbox',
    baseUrl: SANDBOX_TEST_BASE_URL,
    credentials: apiKey === '' ? {} : { apiKey },
    now: options.now ?? SANDBOX_TEST_NOW,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
}
