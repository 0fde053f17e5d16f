import { CONTRACT_VERSION, defineCarrier } from '@parcelgate/carrier-kit';
import { detectUpsTrackingNumber } from './detect-ups-tracking-number.ts';
import { cancelUpsIntercept, cancelUpsRedirect } from './ups-cancel.ts';
import { upsCapabilities } from './ups-capabilities.ts';
import { upsCredentials } from './ups-credentials.ts';
import { quoteUpsFee } from './ups-fee-quote.ts';
import { UPS_CARRIER_ID } from './ups-ids.ts';
import { interceptUpsParcel } from './ups-intercept.ts';
import { redirectUpsParcel } from './ups-redirect.ts';
import { trackUpsParcel } from './ups-track.ts';
import { upsCallbacks } from './ups-track-alert.ts';
import { verifyUpsCredentials } from './ups-verify-credentials.ts';

/**
 * UPS: OAuth 2 client credentials (a fresh token request proves them); tracking through the Track API v1; return to sender,
 * redirect, fee quote and cancel through the Delivery Intercept API v2, whose outcomes
 * arrive later by tracking and Track Alert pushes. Wire shapes come from UPS's OpenAPI
 * files (openapi/, types generated into src/generated/).
 */
export const upsCarrier = defineCarrier({
  id: UPS_CARRIER_ID,
  displayName: 'UPS',
  contractVersion: CONTRACT_VERSION,
  capabilities: upsCapabilities,
  credentials: upsCredentials,
  // No carrierOptions: the requester and accounts are connection settings (credentials),
  // and UPS needs nothing else per request. The gateway refuses any key sent anyway.
  requestOptions: [],
  // One host serves OAuth (/security/v1), Track (/api/track/v1) and Delivery Intercept
  // (/api/deliveryintercept/v2); `test` is UPS's Customer Integration Environment.
  endpoints: { production: 'https://onlinetools.ups.com', test: 'https://wwwcie.ups.com' },
  detect: detectUpsTrackingNumber,
  track: trackUpsParcel,
  intercept: interceptUpsParcel,
  redirect: redirectUpsParcel,
  cancelIntercept: cancelUpsIntercept,
  cancelRedirect: cancelUpsRedirect,
  quoteFee: quoteUpsFee,
  verifyCredentials: verifyUpsCredentials,
  callbacks: upsCallbacks,
});
