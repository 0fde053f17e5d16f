import { type CarrierContext, CarrierInvalidRequestError } from '@parcelgate/carrier-kit';
import { readErrorBody } from '@parcelgate/carrier-kit/wire';
import { classifySandboxFailure } from './classify-sandbox-failure.ts';
import { isSandboxSuccess, SANDBOX_CARRIER_ID, sendSandboxRequest } from './sandbox-request.ts';
import { parseSandboxErrorBody } from './sandbox-wire.ts';

/**
 * The number the probe reads: well formed, check digit right (`SBX99999999` + 6), and the
 * last the sandbox could ever issue, so in practice no parcel has it. If one did, a 200
 * proves the key just as well.
 */
export const SANDBOX_PROBE_TRACKING_NUMBER = 'SBX999999996';

/**
 * Proves the API key with the cheapest call the sandbox authenticates, a read of a parcel
 * nobody has: `GET /v1/parcels/{probe}` (docs/carriers/sandbox-api.md). The sandbox
 * checks the bearer key before it looks for the parcel, so
 * - 404 `PARCEL_NOT_FOUND` (or a 200) means it took the key;
 * - 401 (unknown key) and 403 (a key that may not act, `sbx_forbidden`) are
 *   `CarrierAuthenticationError`, like every other sandbox call;
 * - a 404 with any other code is not the sandbox answering (a base URL pointing at the
 *   wrong service, whose unknown path says nothing of the key): `invalid-request`;
 * - 429, 5xx, lost connections: classified as for tracking (`rate-limited`, `retryable`).
 * A read, so nothing changes at the sandbox.
 */
export async function verifySandboxCredentials(ctx: CarrierContext): Promise<void> {
  const response = await sendSandboxRequest(ctx, {
    method: 'GET',
    path: `/v1/parcels/${SANDBOX_PROBE_TRACKING_NUMBER}`,
  });
  if (isSandboxSuccess(response)) {
    // Drained so the connection goes back to the pool; what the parcel is does not matter.
    await response.text();
    return;
  }
  if (response.status !== 404) {
    throw await classifySandboxFailure(ctx, response, 'track');
  }
  const body = parseSandboxErrorBody((await readErrorBody(response)).json);
  if (body.code === 'PARCEL_NOT_FOUND') {
    return;
  }
  throw new CarrierInvalidRequestError({
    carrierId: SANDBOX_CARRIER_ID,
    httpStatus: 404,
    requestSent: true,
    message: `${SANDBOX_CARRIER_ID} answered 404${body.code === undefined ? '' : ` (${body.code})`} without PARCEL_NOT_FOUND: is the base URL the sandbox API's?`,
    ...(body.code === undefined ? {} : { carrierCode: body.code }),
  });
}
