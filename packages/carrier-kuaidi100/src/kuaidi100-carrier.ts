import { CONTRACT_VERSION, defineCarrier } from '@parcelgate/carrier-kit';
import { detectKuaidi100TrackingNumber } from './detect-kuaidi100-tracking-number.ts';
import { kuaidi100Callbacks } from './kuaidi100-callbacks.ts';
import { kuaidi100Capabilities } from './kuaidi100-capabilities.ts';
import { kuaidi100Credentials } from './kuaidi100-credentials.ts';
import { kuaidi100Endpoints } from './kuaidi100-endpoints.ts';
import { interceptKuaidi100Parcel } from './kuaidi100-intercept.ts';
import { redirectKuaidi100Parcel } from './kuaidi100-redirect.ts';
import { KUAIDI100_CARRIER_ID } from './kuaidi100-request.ts';
import { kuaidi100RequestOptions } from './kuaidi100-request-options.ts';
import { trackKuaidi100Parcel } from './kuaidi100-track.ts';
import { verifyKuaidi100Credentials } from './kuaidi100-verify-credentials.ts';

/**
 * Kuaidi100 (快递100), the aggregator many Chinese carriers are reached through: real-time
 * query, `interceptOrder` for returns and address changes (decided later, reported by
 * callback) and subscription pushes. The carrier behind a parcel (`com`) comes from
 * `carrierOptions.com` (the one request option) or Kuaidi100's number recognition, and
 * is returned as `underlyingCarrier`; `detect()` names it from the number's format for
 * `carrier=auto`. A query and an empty label-API call, neither changing
 * anything, prove both sets of credentials.
 */
export const kuaidi100Carrier = defineCarrier({
  id: KUAIDI100_CARRIER_ID,
  displayName: 'Kuaidi100',
  contractVersion: CONTRACT_VERSION,
  capabilities: kuaidi100Capabilities,
  credentials: kuaidi100Credentials,
  requestOptions: kuaidi100RequestOptions,
  endpoints: kuaidi100Endpoints,
  detect: detectKuaidi100TrackingNumber,
  track: trackKuaidi100Parcel,
  intercept: interceptKuaidi100Parcel,
  redirect: redirectKuaidi100Parcel,
  verifyCredentials: verifyKuaidi100Credentials,
  callbacks: kuaidi100Callbacks,
});
