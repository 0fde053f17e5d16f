import type { CarrierCapabilities, OperationWindow } from '@parcelgate/carrier-kit';

/**
 * SF takes a wanted intercept "only after pickup and before successful delivery"
 * (快递管家 doc, carriers.md §5.3). Once the parcel sits at the destination station or is
 * out for delivery SF may still accept, but the courier often delivers first.
 */
const SF_WINDOW: OperationWindow = {
  highLikelihood: ['picked_up', 'in_transit', 'exception'],
  lowLikelihood: ['at_destination_facility', 'out_for_delivery', 'delivery_attempted'],
};

/**
 * What SF supports. Both instructions are accepted synchronously and executed later at a
 * station, with the outcome reported by route pushes and tracking: `asynchronous`. SF does
 * not dedupe by anything of ours (a repeat is refused as 8016), so nothing is safe to
 * retry blindly. SF quotes a fee in `amount` for some instructions and bills the rest to
 * the pay mode: `carrier_quote`. SF publishes no rate limit for the API (A1005 is its
 * throttle answer); the limits here keep one partner account well under it.
 */
export const sfCapabilities = {
  intercept: {
    window: SF_WINDOW,
    fees: { kind: 'carrier_quote' },
    outcome: 'asynchronous',
    safeToRetry: false,
    declaredValueLimits: [],
    excludedCategories: ['fresh_food', 'virtual_goods'],
  },
  redirect: {
    window: SF_WINDOW,
    fees: { kind: 'carrier_quote' },
    outcome: 'asynchronous',
    safeToRetry: false,
    freePerOrder: 1,
  },
  // `cancel: true` withdraws an instruction by its cusId; whether SF answers a repeated
  // cancel the same is unknown, so a lost answer is not resent blindly. No fee quote: SF
  // publishes no API for one.
  cancelIntercept: { safeToRetry: false },
  cancelRedirect: { safeToRetry: false },
  proofOfDelivery: false,
  callbacks: true,
  rateLimits: { requestsPerSecond: 20, burst: 40, maxConcurrency: 10 },
} as const satisfies CarrierCapabilities;
