import type { CarrierCapabilities, OperationWindow } from '@parcelgate/carrier-kit';

/**
 * Kuaidi100 intercepts parcels "运输中且未签收" (in transit and not signed for): from
 * pickup on, with low odds once the parcel sits at the last-mile station.
 */
const KUAIDI100_WINDOW: OperationWindow = {
  highLikelihood: ['picked_up', 'in_transit'],
  lowLikelihood: ['at_destination_facility'],
};

/**
 * What Kuaidi100 supports. Intercepts and address changes are accepted for processing and
 * decided later by the underlying carrier, reported by callback: `asynchronous`.
 * Kuaidi100 does not document deduplication by our `orderId`, so `safeToRetry` is false.
 * Fees are the underlying carrier's and Kuaidi100 quotes none through the API
 * (UNCONFIRMED amounts), so the domain default applies. No rate limits are published.
 */
export const kuaidi100Capabilities = {
  intercept: {
    window: KUAIDI100_WINDOW,
    fees: { kind: 'by_pickup_mode' },
    outcome: 'asynchronous',
    safeToRetry: false,
    declaredValueLimits: [],
    excludedCategories: [],
  },
  redirect: {
    window: KUAIDI100_WINDOW,
    fees: { kind: 'by_pickup_mode' },
    outcome: 'asynchronous',
    safeToRetry: false,
    freePerOrder: 1,
  },
  proofOfDelivery: false,
  callbacks: true,
} as const satisfies CarrierCapabilities;
