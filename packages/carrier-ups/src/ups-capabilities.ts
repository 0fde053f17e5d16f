import type { CarrierCapabilities, OperationWindow } from '@parcelgate/carrier-kit';

/**
 * When UPS intercepts: from pickup until delivery ("a shipper can cancel or reroute a
 * shipment they have sent, prior to delivery", DeliveryIntercept.yaml). UPS carries it
 * out on the delivery day, at the destination, so a parcel already out for delivery is
 * still accepted but often too late.
 */
const UPS_WINDOW: OperationWindow = {
  highLikelihood: ['picked_up', 'in_transit', 'at_destination_facility', 'exception'],
  lowLikelihood: ['out_for_delivery', 'delivery_attempted'],
};

/**
 * What UPS supports through the Delivery Intercept API v2. Both mutations are
 * `asynchronous`: UPS takes the instruction at once and acts on the delivery day, so the
 * answer is `accepted` and the outcome comes from tracking and Track Alert. Fees are
 * quoted per parcel (`/charges`, also beforehand through `quoteFee`) and charged only if
 * UPS completes the intercept. Both changes can be cancelled (`/cancel`) until UPS has
 * carried them out. UPS does
 * not deduplicate by our reference, so `safeToRetry` is false. UPS publishes no rate
 * limits (carriers.md §1.6), so none are declared; no value limits or excluded categories
 * either (UPS excludes a service, Express Critical, not goods).
 */
export const upsCapabilities = {
  intercept: {
    window: UPS_WINDOW,
    fees: { kind: 'carrier_quote' },
    outcome: 'asynchronous',
    safeToRetry: false,
    declaredValueLimits: [],
    excludedCategories: [],
  },
  redirect: {
    window: UPS_WINDOW,
    fees: { kind: 'carrier_quote' },
    outcome: 'asynchronous',
    safeToRetry: false,
    freePerOrder: 1,
  },
  // POST /cancel names the change by package and type only: a second cancel finds nothing
  // to cancel and would be answered `rejected`, so a lost answer is not resent blindly.
  cancelIntercept: { safeToRetry: false },
  cancelRedirect: { safeToRetry: false },
  feeQuote: { actions: ['intercept', 'redirect'] },
  proofOfDelivery: true,
  callbacks: true,
} as const satisfies CarrierCapabilities;
