import { createTestContext, type TestCarrierContext } from '@parcelgate/carrier-testkit';

/** Where msw answers in unit tests: UPS's CIE host, never reached. */
export const UPS_TEST_BASE_URL = 'https://wwwcie.ups.com';

/** Credentials of unit tests; the secret is long and unusual so a leak is easy to spot. */
export const UPS_TEST_CREDENTIALS = {
  clientId: 'unit-client',
  clientSecret: 'unit-secret-4f9c2a7e',
  requesterName: 'Unit Merchant',
  requesterPhone: '+14045550100',
  webhookCredential: 'unit-webhook-credential-91d0',
} as const;

/**
 * A context as the gateway builds it (carrier-kit's production fetch client, which msw
 * intercepts), with a clock tests move by hand and a request id whose transId is
 * `equnittest0001` (the last 14 allowed characters).
 */
export function createUpsTestContext(
  options: {
    readonly credentials?: Readonly<Record<string, string>>;
    readonly signal?: AbortSignal;
  } = {},
): TestCarrierContext {
  return createTestContext({
    carrier: 'ups',
    baseUrl: UPS_TEST_BASE_URL,
    credentials: options.credentials ?? UPS_TEST_CREDENTIALS,
    requestId: 'req_unittest0001',
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
}
