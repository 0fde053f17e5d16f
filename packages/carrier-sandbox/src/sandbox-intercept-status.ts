import {
  type CarrierContext,
  CarrierInvalidRequestError,
  type InterceptOutcome,
  type InterceptResult,
  type InterceptStatusRequest,
} from '@parcelgate/carrier-kit';
import { parseJsonResponse } from '@parcelgate/carrier-kit/wire';
import { classifySandboxFailure } from './classify-sandbox-failure.ts';
import { isSandboxSuccess, SANDBOX_CARRIER_ID, sendSandboxRequest } from './sandbox-request.ts';
import { parseSandboxInterceptRecord, type SandboxInterceptState } from './sandbox-wire.ts';

/** The sandbox's intercept states in the contract's vocabulary. */
const INTERCEPT_STATE_TO_OUTCOME: Readonly<Record<SandboxInterceptState, InterceptOutcome>> = {
  ACCEPTED: 'accepted',
  RETURNING: 'returning',
  RETURNED: 'returned',
  FAILED: 'failed',
};

/**
 * Asks how an earlier intercept went: GET /v1/intercepts/{interceptId}
 * (docs/carriers/sandbox-api.md). The sandbox knows intercepts only by its own id, so
 * `carrierReference` (the `interceptId` the 201 answer gave) is required; 404
 * `INTERCEPT_NOT_FOUND` becomes `CarrierNotFoundError`.
 */
export async function getSandboxInterceptStatus(
  ctx: CarrierContext,
  request: InterceptStatusRequest,
): Promise<InterceptResult> {
  const interceptId = request.carrierReference;
  if (interceptId === undefined || interceptId === '') {
    throw new CarrierInvalidRequestError({
      carrierId: SANDBOX_CARRIER_ID,
      message: 'sandbox finds intercepts only by carrierReference (its interceptId)',
      field: 'carrierReference',
      requestSent: false,
    });
  }
  const response = await sendSandboxRequest(ctx, {
    method: 'GET',
    path: `/v1/intercepts/${encodeURIComponent(interceptId)}`,
  });
  if (!isSandboxSuccess(response)) {
    throw await classifySandboxFailure(ctx, response, 'interceptStatus');
  }
  const record = await parseJsonResponse(
    response,
    { carrierId: SANDBOX_CARRIER_ID, mutation: false },
    parseSandboxInterceptRecord,
  );
  return {
    outcome: INTERCEPT_STATE_TO_OUTCOME[record.state],
    carrierReference: record.interceptId,
  };
}
