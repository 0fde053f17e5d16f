import { activeIntercept } from '../../model/cancel-actions.ts';
import { decideRedirect, interceptWindowRefusal } from '../../model/intercept-rules.ts';
import type { CarrierRequest, CarrierWorld } from '../carrier-module.ts';
import { type CarrierResponse, jsonResponse } from '../carrier-response.ts';
import { parseJsonObject } from '../parse-json-body.ts';
import { sandboxParcelFor } from './sandbox-accounts.ts';
import { authenticateSandbox } from './sandbox-auth.ts';
import { sandboxError } from './sandbox-errors.ts';
import { parseAddress } from './sandbox-redirect.ts';
import { parcelNotFound } from './sandbox-track.ts';

/**
 * The sandbox's price list (docs/carriers/sandbox-api.md): fixed, so a quote is the same
 * for every parcel and every run.
 */
const PRICE_LINES = {
  INTERCEPT: [{ code: 'HANDLING', description: 'Intercept handling', amount: '8.00' }],
  REDIRECT: [
    { code: 'HANDLING', description: 'Redirect handling', amount: '8.00' },
    { code: 'REROUTING', description: 'Re-routing to the new address', amount: '4.00' },
  ],
} as const;

const REFUSAL_CODES = {
  already_intercepted: 'ALREADY_INTERCEPTED',
  not_picked_up: 'NOT_PICKED_UP',
  out_for_delivery: 'OUT_FOR_DELIVERY',
  delivered: 'ALREADY_DELIVERED',
  returning_or_returned: 'ALREADY_RETURNING',
  cancelled: 'CANCELLED',
} as const;

/**
 * `POST /v1/parcels/{trackingNumber}/fees`: what an intercept or a redirect of this parcel
 * would cost, in CNY. Changes nothing. A parcel outside the action's window answers 422
 * with the refusal the action itself would get (no chance roll: a quote is no attempt).
 */
export function handleSandboxFees(request: CarrierRequest, world: CarrierWorld): CarrierResponse {
  const account = authenticateSandbox(request.headers);
  if (typeof account !== 'string') {
    return account;
  }
  const parsed = parseJsonObject(request.body);
  if (!parsed.ok) {
    return sandboxError(400, 'INVALID_REQUEST', parsed.message, 'body');
  }
  const { action, address } = parsed.value;
  if (action !== 'INTERCEPT' && action !== 'REDIRECT') {
    return sandboxError(400, 'INVALID_REQUEST', 'action must be INTERCEPT or REDIRECT', 'action');
  }
  if (address !== undefined && address !== null) {
    const read = parseAddress(address);
    if ('field' in read) {
      return sandboxError(400, 'INVALID_REQUEST', read.message, read.field);
    }
  }
  const trackingNumber = request.route.target;
  const parcel = sandboxParcelFor(world, trackingNumber, account, request.route.operation);
  if (parcel === undefined) {
    return parcelNotFound(trackingNumber);
  }
  const refusal =
    action === 'REDIRECT'
      ? decideRedirect(parcel)
      : activeIntercept(parcel) !== null
        ? 'already_intercepted'
        : interceptWindowRefusal(parcel);
  if (refusal !== null) {
    return sandboxError(422, REFUSAL_CODES[refusal], `no ${action.toLowerCase()} possible: no fee`);
  }
  const lines = PRICE_LINES[action];
  const total = lines.reduce((sum, line) => sum + Math.round(Number(line.amount) * 100), 0);
  return jsonResponse(200, {
    trackingNumber,
    action,
    currency: 'CNY',
    total: (total / 100).toFixed(2),
    lines,
  });
}
