import { CONTRACT_VERSION, defineCarrier } from '@parcelgate/carrier-kit';
import { detectFedexTrackingNumber } from './detect-fedex-tracking-number.ts';
import { fedexCapabilities } from './fedex-capabilities.ts';
import { fedexCredentials } from './fedex-credentials.ts';
import { FEDEX_CARRIER_ID } from './fedex-ids.ts';
import { trackFedexParcel, trackManyFedexParcels } from './fedex-track.ts';
import { verifyFedexCredentials } from './fedex-verify-credentials.ts';

/**
 * FedEx: OAuth 2 client credentials (a form body; tokens live an hour and are cached per
 * project), tracking through the Track API (`POST /track/v1/trackingnumbers`, one number
 * or up to 30 per call). Return to shipper and rerouting exist only on fedex.com, so both
 * are declared `offApi` with that reason: the gateway answers them without calling FedEx.
 */
export const fedexCarrier = defineCarrier({
  id: FEDEX_CARRIER_ID,
  displayName: 'FedEx',
  contractVersion: CONTRACT_VERSION,
  capabilities: fedexCapabilities,
  credentials: fedexCredentials,
  // Nothing per request: the API key is a connection setting (credentials).
  requestOptions: [],
  // One host serves OAuth (/oauth/token) and Track (/track/v1); `test` is FedEx's sandbox.
  endpoints: { production: 'https://apis.fedex.com', test: 'https://apis-sandbox.fedex.com' },
  detect: detectFedexTrackingNumber,
  track: trackFedexParcel,
  trackMany: trackManyFedexParcels,
  verifyCredentials: verifyFedexCredentials,
});
