/** Credentials of the conformance runs; long and unusual so a leak is easy to spot. */
export const CONFORMANCE_CREDENTIALS = { apiKey: 'dhl-sim-conformance-key-3b7d' } as const;
