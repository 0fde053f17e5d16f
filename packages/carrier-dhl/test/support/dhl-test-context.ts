import { createTestContext, type TestCarrierContext } from '@parcelgate/carrier-testkit';

/** Where msw answers in unit tests: DHL's production host, never reached. */
export const DHL_TEST_BASE_URL = 'https://api-eu.dhl.com';

/** Credentials of unit tests; the key is long and unusual so a leak is easy to spot. */
export const DHL_TEST_CREDENTIALS = { apiKey: 'unit-dhl-key-6e1f09b4' } as const;

/** A context as the gateway builds it (carrier-kit's fetch client, which msw intercepts). */
export function createDhlTestContext(
  options: { readonly credentials?: Readonly<Record<string, string>> } = {},
): TestCarrierContext {
  return createTestContext({
    carrier: 'dhl',
    baseUrl: DHL_TEST_BASE_URL,
    credentials: options.credentials ?? DHL_TEST_CREDENTIALS,
    requestId: 'req_unittest0001',
  });
}
