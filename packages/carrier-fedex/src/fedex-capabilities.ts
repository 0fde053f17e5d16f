import type { CarrierCapabilities } from '@parcelgate/carrier-kit';
import { FEDEX_MANAGE_DELIVERY_URL } from './fedex-delivery-options.ts';
import { FEDEX_MAX_PER_CALL } from './fedex-track.ts';

/**
 * What FedEx supports through its APIs: tracking only, up to 30 numbers per call, with
 * proof of delivery (who signed, where it was left). Return to shipper and rerouting are
 * offered by FedEx only on fedex.com (its Track API lists RETURN_TO_SHIPPER as an option
 * to "perform on fedex.com"); its one API that changes a delivery redirects to a FedEx
 * hold location, in the US only, which is not an address redirect and is not built here.
 *
 * Rate limits (FedEx Developer Portal, "Rate limits"): 1,400 transactions per 10 s per
 * project, spent as 140 per second with bursts up to 1,400; the Track API's default
 * quota is 100,000 calls a day, shared by its six endpoints (past it FedEx answers 429
 * until midnight GMT). No push: FedEx's webhooks are a paid product
 * (Advanced Integrated Visibility) this adapter does not parse.
 */
export const fedexCapabilities = {
  offApi: {
    intercept: {
      reason:
        'FedEx offers return to shipper only on fedex.com, not through its API: a person can ask for it there when FedEx reports the parcel eligible',
      url: FEDEX_MANAGE_DELIVERY_URL,
    },
    redirect: {
      reason:
        'FedEx offers rerouting to a new address only on fedex.com, not through its API (its API can only hold a parcel at a FedEx location in the US)',
      url: FEDEX_MANAGE_DELIVERY_URL,
    },
  },
  bulkTracking: { maxPerCall: FEDEX_MAX_PER_CALL },
  proofOfDelivery: true,
  callbacks: false,
  rateLimits: { requestsPerSecond: 140, burst: 1400, requestsPerDay: 100_000 },
} as const satisfies CarrierCapabilities;
