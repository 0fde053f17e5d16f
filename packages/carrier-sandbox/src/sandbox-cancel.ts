import type { CancelRequest, CancelResult, CarrierContext } from '@parcelgate/carrier-kit';
import { parseJsonResponse, readErrorBody, redactSecrets } from '@parcelgate/carrier-kit/wire';
import { classifySandboxFailure } from './classify-sandbox-failure.ts';
import { isSandboxSuccess, SANDBOX_CARRIER_ID, sendSandboxRequest } from './sandbox-request.ts';
import { parseSandboxCancelled, parseSandboxErrorBody } from './sandbox-wire.ts';

/**
 * Withdraws an accepted intercept: POST /v1/parcels/{trackingNumber}/intercepts/cancel
 * (docs/carriers/sandbox-api.md) with our `reference` and, when known, the sandbox's
 * `interceptId`. 200 is `cancelled` (the parcel goes on to the recipient); 409 is the
 * sandbox deciding it cannot (`ALREADY_RETURNING`: too late; `NOTHING_TO_CANCEL`), a
 * `rejected` result with its code as `carrierReason`, never an error. The spec makes
 * cancels idempotent, so the request is marked safe to repeat.
 */
export function cancelSandboxIntercept(
  ctx: CarrierContext,
  request: CancelRequest,
): Promise<CancelResult> {
  return cancelSandboxAction(ctx, request, 'intercepts', 'interceptId');
}

/**
 * Withdraws an accepted redirect: POST /v1/parcels/{trackingNumber}/redirects/cancel; the
 * parcel goes to its previous address. Answers as {@link cancelSandboxIntercept}
 * (`OUT_FOR_DELIVERY` and `ALREADY_DELIVERED` are the "too late" codes here).
 */
export function cancelSandboxRedirect(
  ctx: CarrierContext,
  request: CancelRequest,
): Promise<CancelResult> {
  return cancelSandboxAction(ctx, request, 'redirects', 'redirectId');
}

async function cancelSandboxAction(
  ctx: CarrierContext,
  request: CancelRequest,
  collection: 'intercepts' | 'redirects',
  idField: 'interceptId' | 'redirectId',
): Promise<CancelResult> {
  const operation = collection === 'intercepts' ? 'cancelIntercept' : 'cancelRedirect';
  const response = await sendSandboxRequest(ctx, {
    method: 'POST',
    path: `/v1/parcels/${encodeURIComponent(request.trackingNumber)}/${collection}/cancel`,
    body: { reference: request.reference, [idField]: request.carrierReference ?? null },
    idempotent: true,
  });
  if (response.status === 409) {
    const error = parseSandboxErrorBody((await readErrorBody(response)).json);
    return {
      outcome: 'rejected',
      carrierReason: error.code ?? 'CONFLICT',
      ...(error.message === undefined
        ? {}
        : { message: redactSecrets(error.message, Object.values(ctx.credentials)) }),
    };
  }
  if (!isSandboxSuccess(response)) {
    throw await classifySandboxFailure(ctx, response, operation);
  }
  const cancelled = await parseJsonResponse(
    response,
    // Idempotent: an unreadable answer is worth asking again, not an unknown outcome.
    { carrierId: SANDBOX_CARRIER_ID, mutation: false },
    (body) => parseSandboxCancelled(body, idField),
  );
  return { outcome: 'cancelled', carrierReference: cancelled.id };
}
