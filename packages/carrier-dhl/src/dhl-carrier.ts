import { CONTRACT_VERSION, defineCarrier } from '@parcelgate/carrier-kit';
import { detectDhlTrackingNumber } from './detect-dhl-tracking-number.ts';
import { dhlCapabilities, dhlRequestOptions } from './dhl-capabilities.ts';
import { dhlCredentials } from './dhl-credentials.ts';
import { DHL_CARRIER_ID } from './dhl-ids.ts';
import { trackDhlParcel } from './dhl-track.ts';
import { verifyDhlCredentials } from './dhl-verify-credentials.ts';

/**
 * DHL: every division's tracking through Shipment Tracking - Unified (one API key, one
 * `GET`), with proof of delivery. DHL offers no intercept or address change by API; the
 * capabilities say so (see `dhlCapabilities`). Wire shapes come from DHL's OpenAPI
 * document 1.3.1 (src/dhl-wire-types.ts).
 */
export const dhlCarrier = defineCarrier({
  id: DHL_CARRIER_ID,
  displayName: 'DHL',
  contractVersion: CONTRACT_VERSION,
  capabilities: dhlCapabilities,
  credentials: dhlCredentials,
  requestOptions: dhlRequestOptions,
  // DHL has no external test environment (its knowledge base): the simulator stands in.
  endpoints: { production: 'https://api-eu.dhl.com' },
  detect: detectDhlTrackingNumber,
  track: trackDhlParcel,
  verifyCredentials: verifyDhlCredentials,
});
