import { createTestContext, type TestCarrierContext } from '@parcelgate/carrier-testkit';

/** Where msw answers in unit tests: USPS's TEM host, never reached. */
export const USPS_TEST_BASE_URL = 'https://apis-tem.usps.com';

/** Credentials of unit tests; the secret is long and unusual so a leak is easy to spot. */
export const USPS_TEST_CREDENTIALS = {
  clientId: 'unit-client',
  clientSecret: 'unit-secret-8d2b51ac',
} as const;

/** A context as the gateway builds it (carrier-kit's fetch client, which msw intercepts). */
export function createUspsTestContext(
  options: { readonly credentials?: Readonly<Record<string, string>> } = {},
): TestCarrierContext {
  return createTestContext({
    carrier: 'usps',
    baseUrl: USPS_TEST_BASE_URL,
    credentials: options.credentials ?? USPS_TEST_CREDENTIALS,
    requestId: 'req_unittest0001',
  });
}
