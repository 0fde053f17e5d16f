import { createTestContext, type TestCarrierContext } from '@parcelgate/carrier-testkit';
import { kuaidi100Carrier } from '../../src/kuaidi100-carrier.ts';
import type { Kuaidi100Host } from '../../src/kuaidi100-endpoints.ts';

/** Where msw answers for Kuaidi100's default host in unit tests; nothing leaves the machine. */
export const KUAIDI100_TEST_BASE_URL = 'https://kuaidi100.test/kuaidi100';

/** Where msw answers for the other hosts: apart, so tests see which host a request went to. */
export const KUAIDI100_TEST_HOSTS: Readonly<Record<Kuaidi100Host, string>> = {
  label: 'https://api.kuaidi100.test',
  autonumber: 'https://www.kuaidi100.test',
};

/** Credentials unit tests use; long and unusual so a leak is easy to spot. */
export const KUAIDI100_TEST_CREDENTIALS = {
  customer: 'KD100UNITCUSTOMER7731',
  key: 'kd100_unit_key_c0ffee',
  secret: 'kd100_unit_secret_beef42',
  salt: 'kd100_unit_salt_5a17',
} as const;

/** A context as the gateway builds it (production fetch client), optionally with a callback URL. */
export function kuaidi100TestContext(
  options: { readonly callbackUrl?: string; readonly credentials?: Record<string, string> } = {},
): TestCarrierContext {
  const context = createTestContext({
    carrier: kuaidi100Carrier,
    baseUrl: KUAIDI100_TEST_BASE_URL,
    hosts: KUAIDI100_TEST_HOSTS,
    credentials: options.credentials ?? KUAIDI100_TEST_CREDENTIALS,
    now: '2026-11-26T01:00:00.000Z',
  });
  return options.callbackUrl === undefined
    ? context
    : { ...context, callbackUrl: options.callbackUrl };
}

/** A form body's fields. */
export function formOf(body: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body));
}
