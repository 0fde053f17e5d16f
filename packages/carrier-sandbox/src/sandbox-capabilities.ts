import type { CarrierCapabilities, OperationWindow } from '@parcelgate/carrier-kit';

/**
 * The domain's intercept window (domain.md, "Rules"): from pickup until the parcel sits
 * in the last-mile station, where the sandbox still accepts but often fails
 * (`INTERCEPT_FAILED`). Redirects share it: the spec refuses them once out for delivery.
 */
const SANDBOX_WINDOW: OperationWindow = {
  highLikelihood: ['picked_up', 'in_transit'],
  lowLikelihood: ['at_destination_facility'],
};

/**
 * What the sandbox supports (docs/carriers/sandbox-api.md). Both mutations answer in the
 * same exchange (201 or 422), so outcomes are `synchronous`; neither is deduplicated by
 * our `reference`, so `safeToRetry` is false. Fees follow the domain default: free with
 * the platform's pickup driver, cash on delivery after a self drop-off; the carrier's
 * price for either action is quoted by `/fees`. Both actions can be cancelled until the
 * parcel turns back (intercepts) or goes out for delivery (redirects).
 */
export const sandboxCapabilities = {
  intercept: {
    window: SANDBOX_WINDOW,
    fees: { kind: 'by_pickup_mode' },
    outcome: 'synchronous',
    safeToRetry: false,
    declaredValueLimits: [{ amount: '1000.00', currency: 'CNY' }],
    excludedCategories: [
      'fresh_food',
      'virtual_goods',
      'jewelry',
      'antiques',
      'second_hand',
      'tea',
      'large_appliances',
      'custom_made',
    ],
  },
  redirect: {
    window: SANDBOX_WINDOW,
    fees: { kind: 'by_pickup_mode' },
    outcome: 'synchronous',
    safeToRetry: false,
    freePerOrder: 1,
  },
  // The spec makes cancels idempotent (a repeated cancel answers the same), so the
  // gateway may resend one whose answer was lost.
  cancelIntercept: { safeToRetry: true },
  cancelRedirect: { safeToRetry: true },
  feeQuote: { actions: ['intercept', 'redirect'] },
  proofOfDelivery: true,
  callbacks: false,
  // The spec publishes no limits; these are what the simulator sustains comfortably and
  // keep the gateway's queue honest in tests (429 handling is still exercised by faults).
  rateLimits: { requestsPerSecond: 50, burst: 100, maxConcurrency: 20 },
} as const satisfies CarrierCapabilities;
