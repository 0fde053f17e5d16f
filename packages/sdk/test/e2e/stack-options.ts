import { type StackOptions, TRACK_ONLY_CARRIER } from '@parcelgate/test-stack';

/**
 * Tenants of their own, for tests that change the policy, count every intercept, connect
 * their own carrier account (which then carries all their calls) or register parcels.
 */
export const SHARED_TENANTS = ['policy', 'pages', 'connections', 'parcels'] as const;

/** One of {@link SHARED_TENANTS}. */
export type SharedTenant = (typeof SHARED_TENANTS)[number];

/**
 * The shared stack: the sandbox and a track-only carrier (for `operation-not-supported`).
 * Faults injected on purpose would open the circuit breaker and drain the retry budget
 * part-way through the suite, so both are widened here (as the gateway's fault matrix
 * does); the SDK meets an open circuit in carrier-protection.e2e.test.ts, on a stack of its own.
 */
export const sharedStackOptions: StackOptions = {
  seed: 'sdk-e2e',
  tenants: SHARED_TENANTS,
  carriers: ['@parcelgate/carrier-sandbox', TRACK_ONLY_CARRIER],
  gatewayEnv: (simUrl) => ({
    CARRIER_TRACKONLY_BASE_URL: `${simUrl}/sandbox`,
    PARCELGATE_BREAKER_MIN_CALLS: '1000000',
    PARCELGATE_RETRY_BUDGET_MIN_RETRIES: '100000',
    LOG_LEVEL: 'warn',
  }),
};
