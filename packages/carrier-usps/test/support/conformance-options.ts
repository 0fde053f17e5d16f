/** Credentials of the conformance runs; long and unusual so a leak is easy to spot. */
export const CONFORMANCE_CREDENTIALS = {
  clientId: 'usps-sim-conformance',
  clientSecret: 'usps-sim-secret',
} as const;
