import {
  type CancelOutcome,
  type CancelRefusal,
  cancelIntercept,
  cancelRedirect,
} from '../../model/cancel-actions.ts';
import type { Parcel } from '../../model/parcel.ts';
import { formatChinaTime } from '../../time.ts';
import type { CarrierRequest, CarrierWorld } from '../carrier-module.ts';
import { type CarrierResponse, jsonResponse } from '../carrier-response.ts';
import { parseJsonObject } from '../parse-json-body.ts';
import { sandboxParcelFor } from './sandbox-accounts.ts';
import { authenticateSandbox } from './sandbox-auth.ts';
import { sandboxError } from './sandbox-errors.ts';
import { parcelNotFound } from './sandbox-track.ts';

/** The sandbox's 409 codes for a cancel it cannot carry out (docs/carriers/sandbox-api.md). */
const REFUSALS: Readonly<Record<CancelRefusal, readonly [string, string]>> = {
  nothing_to_cancel: ['NOTHING_TO_CANCEL', 'no such action in force for this parcel'],
  // Unreachable through the routes (a repeated cancel answers 200), kept for totality.
  already_cancelled: ['NOTHING_TO_CANCEL', 'the action was already cancelled'],
  returning_or_returned: ['ALREADY_RETURNING', 'parcel is already returning or returned'],
  out_for_delivery: ['OUT_FOR_DELIVERY', 'parcel is already with the delivery courier'],
  delivered: ['ALREADY_DELIVERED', 'parcel was delivered'],
};

interface CancelBody {
  readonly reference: string;
  readonly id: string | undefined;
}

/**
 * `POST /v1/parcels/{trackingNumber}/intercepts/cancel`: withdraws the parcel's intercept
 * (named by `interceptId`, else by `reference`) while it is only registered. Idempotent: a
 * second cancel of the same intercept answers 200 `CANCELLED` again.
 */
export function handleSandboxCancelIntercept(
  request: CarrierRequest,
  world: CarrierWorld,
): CarrierResponse {
  return handleCancel(request, world, 'interceptId', (parcel, body) => {
    const intercept = parcel.intercept;
    const matches =
      intercept !== null &&
      (body.id === undefined ? intercept.reference === body.reference : intercept.id === body.id);
    if (!matches) {
      return { cancelled: false, refusal: 'nothing_to_cancel' };
    }
    return intercept.state === 'CANCELLED'
      ? { cancelled: true, withdrawn: intercept }
      : cancelIntercept(parcel, intercept.id, world.now());
  });
}

/**
 * `POST /v1/parcels/{trackingNumber}/redirects/cancel`: withdraws a redirect (named by
 * `redirectId`, else by `reference`) while the parcel is not yet out for delivery; the
 * parcel goes to its previous address. Idempotent like the intercept cancel.
 */
export function handleSandboxCancelRedirect(
  request: CarrierRequest,
  world: CarrierWorld,
): CarrierResponse {
  return handleCancel(request, world, 'redirectId', (parcel, body) => {
    const redirect = parcel.redirects.findLast((candidate) =>
      body.id === undefined ? candidate.reference === body.reference : candidate.id === body.id,
    );
    if (redirect === undefined) {
      return { cancelled: false, refusal: 'nothing_to_cancel' };
    }
    return redirect.state === 'CANCELLED'
      ? { cancelled: true, withdrawn: redirect }
      : cancelRedirect(parcel, redirect.id, world.now());
  });
}

type Withdrawn = { readonly id: string; readonly reference: string; readonly updatedAt: number };

function handleCancel(
  request: CarrierRequest,
  world: CarrierWorld,
  idField: 'interceptId' | 'redirectId',
  cancel: (parcel: Parcel, body: CancelBody) => CancelOutcome<Withdrawn>,
): CarrierResponse {
  const account = authenticateSandbox(request.headers);
  if (typeof account !== 'string') {
    return account;
  }
  const parsed = parseJsonObject(request.body);
  if (!parsed.ok) {
    return sandboxError(400, 'INVALID_REQUEST', parsed.message, 'body');
  }
  const { reference } = parsed.value;
  const id = parsed.value[idField];
  if (typeof reference !== 'string' || reference.length === 0 || reference.length > 200) {
    return sandboxError(
      400,
      'INVALID_REQUEST',
      'reference must be a string of 1 to 200 characters',
      'reference',
    );
  }
  if (id !== undefined && id !== null && (typeof id !== 'string' || id === '')) {
    return sandboxError(400, 'INVALID_REQUEST', `${idField} must be a string or null`, idField);
  }
  const trackingNumber = request.route.target;
  const parcel = sandboxParcelFor(world, trackingNumber, account, request.route.operation);
  if (parcel === undefined) {
    return parcelNotFound(trackingNumber);
  }
  const outcome = cancel(parcel, { reference, id: typeof id === 'string' ? id : undefined });
  if (outcome.cancelled) {
    return cancelledAnswer(trackingNumber, idField, outcome.withdrawn);
  }
  const [code, message] = REFUSALS[outcome.refusal];
  return sandboxError(409, code, message);
}

function cancelledAnswer(
  trackingNumber: string,
  idField: 'interceptId' | 'redirectId',
  withdrawn: Withdrawn,
): CarrierResponse {
  return jsonResponse(200, {
    [idField]: withdrawn.id,
    trackingNumber,
    reference: withdrawn.reference,
    state: 'CANCELLED',
    updatedAt: formatChinaTime(withdrawn.updatedAt),
  });
}
