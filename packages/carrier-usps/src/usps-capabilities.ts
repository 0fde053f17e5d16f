import type { CarrierCapabilities } from '@parcelgate/carrier-kit';
import { USPS_MAX_PER_CALL } from './usps-ids.ts';

/** USPS's page for Package Intercept, where a person can request one. */
const PACKAGE_INTERCEPT_URL = 'https://www.usps.com/manage/package-intercept.htm';

/**
 * What USPS supports through its APIs v3: tracking, several numbers per call. USPS Package
 * Intercept (return to sender, or redirect to another address) exists but has no public
 * API: retail customers ask on USPS.com, commercial ones in the Business Customer Gateway,
 * for a fee charged only when the parcel is intercepted. Both operations are therefore
 * declared as offered outside the API, with that page.
 *
 * Limits: USPS grants a new app about 60 calls an hour across all its APIs (token
 * requests included), with bursts of about 5 a minute (USPS/api-examples issue #107).
 * Expressed as `requestsPerSecond` 1/60 with a burst of 5: at most 5 calls in any 5
 * minutes, which is 60 an hour. An account with a larger quota overrides them
 * (`CARRIER_USPS_REQUESTS_PER_SECOND`, `_BURST`).
 */
export const uspsCapabilities = {
  offApi: {
    intercept: {
      reason:
        'USPS Package Intercept is available only on USPS.com or the Business Customer Gateway: USPS publishes no API for it (domestic parcels with tracking, not yet out for delivery, for a fee charged only if intercepted)',
      url: PACKAGE_INTERCEPT_URL,
    },
    redirect: {
      reason:
        'USPS redirects a parcel to another address only through Package Intercept, which is available only on USPS.com or the Business Customer Gateway: USPS publishes no API for it',
      url: PACKAGE_INTERCEPT_URL,
    },
  },
  bulkTracking: { maxPerCall: USPS_MAX_PER_CALL },
  proofOfDelivery: false,
  callbacks: false,
  rateLimits: { requestsPerSecond: 1 / 60, burst: 5 },
} as const satisfies CarrierCapabilities;
