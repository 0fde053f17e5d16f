import { createTestContext, type TestCarrierContext } from '@parcelgate/carrier-testkit';

/** Where msw answers in unit tests: FedEx's sandbox host, never reached. */
export const FEDEX_TEST_BASE_URL = 'https://apis-sandbox.fedex.com';

/** Credentials of unit tests; the secret is long and unusual so a leak is easy to spot. */
export const FEDEX_TEST_CREDENTIALS = {
  clientId: 'unit-client',
  clientSecret: 'unit-secret-8d1e5b3a',
} as const;

/** A context as the gateway builds it (the production fetch client, which msw intercepts). */
export function createFedexTestContext(
  options: { readonly credentials?: Readonly<Record<string, string>> } = {},
): TestCarrierContext {
  return createTestContext({
    carrier: 'fedex',
    baseUrl: FEDEX_TEST_BASE_URL,
    credentials: options.credentials ?? FEDEX_TEST_CREDENTIALS,
    requestId: 'req_unittest0001',
  });
}
