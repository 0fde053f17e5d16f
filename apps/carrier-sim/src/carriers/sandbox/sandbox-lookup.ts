import type { Parcel } from '../../model/parcel.ts';
import { formatChinaTime } from '../../time.ts';
import type { CarrierRequest, CarrierWorld } from '../carrier-module.ts';
import { type CarrierResponse, jsonResponse } from '../carrier-response.ts';
import { sandboxParcelFor } from './sandbox-accounts.ts';
import { authenticateSandbox } from './sandbox-auth.ts';
import { sandboxError } from './sandbox-errors.ts';
import { parcelNotFound } from './sandbox-track.ts';

/**
 * Reads the optional `reference` filter of a lookup. Undefined means "all of the parcel's";
 * a reference that is present must be 1 to 200 characters, like the one a POST takes.
 */
function readReference(
  query: string,
): { readonly reference: string | undefined } | { readonly error: CarrierResponse } {
  const params = new URLSearchParams(query);
  if (!params.has('reference')) {
    return { reference: undefined };
  }
  const reference = params.get('reference') ?? '';
  if (reference.length === 0 || reference.length > 200) {
    return {
      error: sandboxError(
        400,
        'INVALID_REQUEST',
        'reference must be a string of 1 to 200 characters',
        'reference',
      ),
    };
  }
  return { reference };
}

/** Authenticates, reads the filter and finds the caller's parcel, or answers the error. */
function lookUp(
  request: CarrierRequest,
  world: CarrierWorld,
): { readonly parcel: Parcel; readonly reference: string | undefined } | CarrierResponse {
  const account = authenticateSandbox(request.headers);
  if (typeof account !== 'string') {
    return account;
  }
  const filter = readReference(request.query);
  if ('error' in filter) {
    return filter.error;
  }
  const parcel = sandboxParcelFor(world, request.route.target, account, request.route.operation);
  if (parcel === undefined) {
    return parcelNotFound(request.route.target);
  }
  return { parcel, reference: filter.reference };
}

/**
 * `GET /v1/parcels/{trackingNumber}/intercepts?reference=`: the parcel's accepted
 * intercepts, optionally only the one sent with `reference`. How a client whose answer was
 * lost finds out whether its intercept arrived: an empty list means it never did (or was
 * refused, which leaves no intercept either).
 */
export function handleSandboxInterceptLookup(
  request: CarrierRequest,
  world: CarrierWorld,
): CarrierResponse {
  const found = lookUp(request, world);
  if (!('parcel' in found)) {
    return found;
  }
  const { parcel, reference } = found;
  const intercept = parcel.intercept;
  const matches =
    intercept !== null && (reference === undefined || intercept.reference === reference)
      ? [intercept]
      : [];
  return jsonResponse(200, {
    intercepts: matches.map((match) => ({
      interceptId: match.id,
      trackingNumber: parcel.trackingNumber,
      reference: match.reference,
      state: match.state,
      updatedAt: formatChinaTime(match.updatedAt),
    })),
  });
}

/**
 * `GET /v1/parcels/{trackingNumber}/redirects?reference=`: the parcel's accepted redirects,
 * oldest first, optionally only those sent with `reference`.
 */
export function handleSandboxRedirectLookup(
  request: CarrierRequest,
  world: CarrierWorld,
): CarrierResponse {
  const found = lookUp(request, world);
  if (!('parcel' in found)) {
    return found;
  }
  const { parcel, reference } = found;
  return jsonResponse(200, {
    redirects: parcel.redirects
      .filter((redirect) => reference === undefined || redirect.reference === reference)
      .map((redirect) => ({
        redirectId: redirect.id,
        trackingNumber: parcel.trackingNumber,
        reference: redirect.reference,
        state: redirect.state,
        updatedAt: formatChinaTime(redirect.updatedAt),
      })),
  });
}
