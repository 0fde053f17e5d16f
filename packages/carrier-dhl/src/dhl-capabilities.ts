import type { CarrierCapabilities, RequestOptionSpec } from '@parcelgate/carrier-kit';
import { DHL_SERVICES } from './dhl-wire-types.ts';

/**
 * What DHL supports through Shipment Tracking - Unified: tracking only, with proof of
 * delivery where the division gives one. DHL publishes no intercept or address-change
 * API; its tracking answer carries a `rerouteUrl`, a link to a web flow on dhl.de where
 * the recipient can redirect a parcel, so a redirect is declared as offered outside the
 * API. An intercept (return to sender) is not listed: nothing DHL publishes offers one,
 * on the web or otherwise, so no reason or place could honestly be named.
 *
 * Limits as DHL grants a new app: at most 1 call per second and 250 calls a day (the
 * quota resets at 24:00 GMT; past it DHL answers 429 until then). Upgrades are granted on
 * request; an operator with a larger quota overrides these in the gateway's settings.
 */
export const dhlCapabilities = {
  offApi: {
    redirect: {
      reason:
        'DHL offers no API to change a delivery address: its tracking answer links to a web flow (rerouteUrl, on dhl.de) where the recipient can redirect the parcel',
    },
  },
  proofOfDelivery: true,
  callbacks: false,
  rateLimits: { requestsPerSecond: 1, burst: 1, requestsPerDay: 250 },
} as const satisfies CarrierCapabilities;

/**
 * `service`: which DHL division the number belongs to. Without it DHL may resolve a number
 * to another division's shipment (DHL's knowledge base), so callers who know it say it;
 * when they do not, the adapter sends `express` for a number whose DHL Express check
 * digit agrees, and nothing otherwise.
 */
export const dhlRequestOptions = [
  {
    key: 'service',
    description:
      "The DHL division the number belongs to (DHL's `service` parameter); without it DHL may answer with another division's shipment",
    operations: ['track'],
    values: DHL_SERVICES,
    example: 'express',
  },
] as const satisfies RequestOptionSpec;
