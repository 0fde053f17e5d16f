import { CONTRACT_VERSION, defineCarrier } from '@parcelgate/carrier-kit';
import { detectSandboxTrackingNumber } from './detect-sandbox-tracking-number.ts';
import { cancelSandboxIntercept, cancelSandboxRedirect } from './sandbox-cancel.ts';
import { sandboxCapabilities } from './sandbox-capabilities.ts';
import { sandboxCredentials } from './sandbox-credentials.ts';
import { quoteSandboxFee } from './sandbox-fee-quote.ts';
import { interceptSandboxParcel } from './sandbox-intercept.ts';
import { getSandboxInterceptStatus } from './sandbox-intercept-status.ts';
import { redirectSandboxParcel } from './sandbox-redirect.ts';
import { SANDBOX_CARRIER_ID } from './sandbox-request.ts';
import { trackSandboxParcel } from './sandbox-track.ts';
import { verifySandboxCredentials } from './sandbox-verify-credentials.ts';

/**
 * Sandbox, Parcelgate's reference carrier: a clean JSON API served by the simulator
 * (apps/carrier-sim) under `/sandbox`, specified in docs/carriers/sandbox-api.md. It
 * tracks, intercepts and redirects synchronously, cancels either and quotes their fees, proves an API key with a read of a
 * parcel nobody has, and is the template new carrier packages are copied from.
 */
export const sandboxCarrier = defineCarrier({
  id: SANDBOX_CARRIER_ID,
  displayName: 'Sandbox',
  contractVersion: CONTRACT_VERSION,
  capabilities: sandboxCapabilities,
  credentials: sandboxCredentials,
  // Requests may set no carrierOptions: the sandbox needs nothing beyond the tracking
  // number, and the gateway refuses any key an adapter does not declare here.
  requestOptions: [],
  // The sandbox exists only inside the simulator, so "production" is the simulator on its
  // default port; deployments point elsewhere with CARRIER_SANDBOX_BASE_URL.
  endpoints: { production: 'http://127.0.0.1:4010/sandbox' },
  detect: detectSandboxTrackingNumber,
  track: trackSandboxParcel,
  intercept: interceptSandboxParcel,
  interceptStatus: getSandboxInterceptStatus,
  redirect: redirectSandboxParcel,
  cancelIntercept: cancelSandboxIntercept,
  cancelRedirect: cancelSandboxRedirect,
  quoteFee: quoteSandboxFee,
  verifyCredentials: verifySandboxCredentials,
});
