import { CONTRACT_VERSION, defineCarrier } from '@parcelgate/carrier-kit';
import { detectSfTrackingNumber } from './detect-sf-tracking-number.ts';
import { sfCallbacks } from './sf-callbacks.ts';
import { cancelSfIntercept, cancelSfRedirect } from './sf-cancel.ts';
import { sfCapabilities } from './sf-capabilities.ts';
import { SF_CARRIER_ID, sfCredentials } from './sf-credentials.ts';
import { sfRequestOptions } from './sf-request-options.ts';
import { trackSfParcel } from './sf-track.ts';
import { verifySfCredentials } from './sf-verify-credentials.ts';
import { interceptSfParcel, redirectSfParcel } from './sf-wanted-intercept.ts';

/**
 * SF Express (顺丰, 丰桥 open platform): one signed form-post gateway (`/std/service`)
 * for route queries (EXP_RECE_SEARCH_ROUTES) and wanted intercepts (EXP_RECE_WANTED_INTERCEPT:
 * return to sender and redirect), and route pushes for what happens later. A route query
 * for a waybill nobody has proves the partner id and checkword.
 */
export const sfCarrier = defineCarrier({
  id: SF_CARRIER_ID,
  displayName: 'SF Express',
  contractVersion: CONTRACT_VERSION,
  capabilities: sfCapabilities,
  credentials: sfCredentials,
  requestOptions: sfRequestOptions,
  // bspgw is the production host SF's API pages give (sfapi.sf-express.com is the SDK's
  // alias of it); sfapi-sbox is SF's sandbox. The path /std/service is the adapter's.
  endpoints: {
    production: 'https://bspgw.sf-express.com',
    test: 'https://sfapi-sbox.sf-express.com',
  },
  detect: detectSfTrackingNumber,
  track: trackSfParcel,
  intercept: interceptSfParcel,
  redirect: redirectSfParcel,
  cancelIntercept: cancelSfIntercept,
  cancelRedirect: cancelSfRedirect,
  verifyCredentials: verifySfCredentials,
  callbacks: sfCallbacks,
});
