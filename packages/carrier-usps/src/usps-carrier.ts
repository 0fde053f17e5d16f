import { CONTRACT_VERSION, defineCarrier } from '@parcelgate/carrier-kit';
import { detectUspsTrackingNumber } from './detect-usps-tracking-number.ts';
import { uspsCapabilities } from './usps-capabilities.ts';
import { uspsCredentials } from './usps-credentials.ts';
import { USPS_CARRIER_ID } from './usps-ids.ts';
import { trackUspsParcel, trackUspsParcels } from './usps-track.ts';
import { verifyUspsCredentials } from './usps-verify-credentials.ts';

/**
 * USPS: OAuth 2 client credentials (JSON body) and tracking through Tracking v3r2, up to
 * 35 numbers per call with per-number errors. USPS Package Intercept has no public API:
 * the capabilities say where it can be done (see `uspsCapabilities`).
 */
export const uspsCarrier = defineCarrier({
  id: USPS_CARRIER_ID,
  displayName: 'USPS',
  contractVersion: CONTRACT_VERSION,
  capabilities: uspsCapabilities,
  credentials: uspsCredentials,
  // Nothing per request: v3r2's optional destinationZIPCode/mailingDate only narrow an
  // ambiguous number, and are not asked for.
  requestOptions: [],
  // `test` is USPS's Testing Environment for Mailers (TEM).
  endpoints: { production: 'https://apis.usps.com', test: 'https://apis-tem.usps.com' },
  detect: detectUspsTrackingNumber,
  track: trackUspsParcel,
  trackMany: trackUspsParcels,
  verifyCredentials: verifyUspsCredentials,
});
