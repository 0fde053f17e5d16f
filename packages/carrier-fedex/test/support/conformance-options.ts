/** Credentials of the conformance runs; long and unusual so a leak is easy to spot. */
export const CONFORMANCE_CREDENTIALS = {
  clientId: 'fedex-sim-conformance',
  clientSecret: 'fedex-sim-secret',
  accountNumber: '740561073',
} as const;
