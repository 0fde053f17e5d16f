import {
  type CarrierContext,
  CarrierNotFoundError,
  type InterceptOutcome,
  type InterceptResult,
  type InterceptStatusRequest,
} from '@parcelgate/carrier-kit';
import { parseJsonResponse } from '@parcelgate/carrier-kit/wire';
import { classifySandboxFailure } from './classify-sandbox-failure.ts';
import { isSandboxSuccess, SANDBOX_CARRIER_ID, sendSandboxRequest } from './sandbox-request.ts';
import {
  parseSandboxInterceptList,
  parseSandboxInterceptRecord,
  type SandboxInterceptRecord,
  type SandboxInterceptState,
} from './sandbox-wire.ts';

/** The sandbox's intercept states in the contract's vocabulary. */
const INTERCEPT_STATE_TO_OUTCOME: Readonly<Record<SandboxInterceptState, InterceptOutcome>> = {
  ACCEPTED: 'accepted',
  RETURNING: 'returning',
  RETURNED: 'returned',
  FAILED: 'failed',
  // The contract's intercept outcomes have no "cancelled": a withdrawn intercept will not
  // stop the parcel, which is what `failed` says; carrierReason tells why.
  CANCELLED: 'failed',
};

/**
 * Asks how an earlier intercept went (docs/carriers/sandbox-api.md): by the sandbox's own
 * id, GET /v1/intercepts/{interceptId}, when `carrierReference` is known; otherwise (the
 * answer that carried the id was lost) by our reference, GET
 * /v1/parcels/{trackingNumber}/intercepts?reference=. Either way an intercept the sandbox
 * does not have is a `CarrierNotFoundError`: 404 `INTERCEPT_NOT_FOUND`, or an empty list,
 * which means the request never arrived (or was refused), so nothing was placed.
 */
export async function getSandboxInterceptStatus(
  ctx: CarrierContext,
  request: InterceptStatusRequest,
): Promise<InterceptResult> {
  const interceptId = request.carrierReference;
  const record =
    interceptId === undefined || interceptId === ''
      ? await findByReference(ctx, request)
      : await findById(ctx, interceptId);
  return {
    outcome: INTERCEPT_STATE_TO_OUTCOME[record.state],
    carrierReference: record.interceptId,
    ...(record.state === 'CANCELLED' ? { carrierReason: 'CANCELLED' } : {}),
  };
}

async function findById(ctx: CarrierContext, interceptId: string): Promise<SandboxInterceptRecord> {
  const response = await sendSandboxRequest(ctx, {
    method: 'GET',
    path: `/v1/intercepts/${encodeURIComponent(interceptId)}`,
  });
  if (!isSandboxSuccess(response)) {
    throw await classifySandboxFailure(ctx, response, 'interceptStatus');
  }
  return parseJsonResponse(
    response,
    { carrierId: SANDBOX_CARRIER_ID, mutation: false },
    parseSandboxInterceptRecord,
  );
}

async function findByReference(
  ctx: CarrierContext,
  request: InterceptStatusRequest,
): Promise<SandboxInterceptRecord> {
  const query = new URLSearchParams({ reference: request.reference });
  const response = await sendSandboxRequest(ctx, {
    method: 'GET',
    path: `/v1/parcels/${encodeURIComponent(request.trackingNumber)}/intercepts?${query}`,
  });
  if (!isSandboxSuccess(response)) {
    throw await classifySandboxFailure(ctx, response, 'interceptStatus');
  }
  const records = await parseJsonResponse(
    response,
    { carrierId: SANDBOX_CARRIER_ID, mutation: false },
    parseSandboxInterceptList,
  );
  // The sandbox filtered by reference already; the check guards against a lookup that
  // ignored the filter. It refuses a second intercept of a parcel, so at most one matches.
  const record = records.find(
    (candidate) => candidate.reference === undefined || candidate.reference === request.reference,
  );
  if (record === undefined) {
    throw new CarrierNotFoundError({
      carrierId: SANDBOX_CARRIER_ID,
      message: 'sandbox has no intercept with this reference: it never arrived or was refused',
      httpStatus: response.status,
      requestSent: true,
    });
  }
  return record;
}
