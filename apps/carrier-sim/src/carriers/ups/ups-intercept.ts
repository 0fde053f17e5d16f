import { admitAccount } from '../../model/accounts.ts';
import {
  activeIntercept,
  type CancelRefusal,
  cancelIntercept,
  cancelRedirect,
} from '../../model/cancel-actions.ts';
import type { InterceptPolicy } from '../../model/intercept-policy.ts';
import {
  decideRedirect,
  type InterceptRefusal,
  type RedirectRefusal,
} from '../../model/intercept-rules.ts';
import type { Parcel } from '../../model/parcel.ts';
import { interceptParcel, redirectParcel } from '../../model/parcel-actions.ts';
import type { CarrierRequest, CarrierWorld } from '../carrier-module.ts';
import { type CarrierResponse, jsonResponse } from '../carrier-response.ts';
import { parseJsonObject } from '../parse-json-body.ts';
import { authenticateUps } from './ups-auth.ts';
import { upsInterceptError } from './ups-errors.ts';

/**
 * UPS decides by where the parcel is, not by goods or value: no excluded categories, no
 * value limit; it carries intercepts out at the destination, so a parcel at the
 * destination facility is still very likely to be caught.
 */
export const UPS_INTERCEPT_POLICY: InterceptPolicy = {
  successRate: { picked_up: 0.98, in_transit: 0.95, exception: 0.8, at_destination_facility: 0.9 },
  excludedCategories: new Set<string>(),
  valueLimits: {},
};

const TRANS_ID = /^[a-zA-Z0-9-.]{3,14}$/;
const PHONE = /^\+\d{1,13}$/;
const STATE = /^[A-Z]{2}$/;
const ZIP = /^\d{5}(?:[-\s]\d{4})?$/;
const COUNTRY = /^[A-Z]{2}$/;
const RETURN_REASONS = new Set(['AM', 'AN', 'AQ', 'AR', 'AS', 'FA', 'KR', 'KS', 'KV']);

/**
 * The simulator's refusal codes for a 200 with `success: false` (UPS publishes no list;
 * `errorCode` is at most 4 characters). `500` is UPS's own "System Error".
 */
const REFUSALS: Readonly<Record<InterceptRefusal | RedirectRefusal, readonly [string, string]>> = {
  already_intercepted: ['9101', 'An intercept request already exists for this package.'],
  not_picked_up: ['9102', 'The package has not been picked up by UPS yet.'],
  out_for_delivery: ['9103', 'The package is out for delivery and can no longer be intercepted.'],
  delivered: ['9104', 'The package has already been delivered.'],
  returning_or_returned: ['9105', 'The package is already being returned.'],
  cancelled: ['9106', 'The shipment was voided.'],
  category_excluded: ['9107', 'The package is not eligible for Delivery Intercept.'],
  declared_value_over_limit: ['9107', 'The package is not eligible for Delivery Intercept.'],
  intercept_failed: ['9108', 'UPS could not intercept the package.'],
};

type Checked =
  | {
      readonly ok: true;
      readonly transId: string;
      readonly parcel: Parcel;
      readonly body: Readonly<Record<string, unknown>>;
    }
  | { readonly ok: false; readonly response: CarrierResponse };

/**
 * What every Delivery Intercept call must bring (DeliveryIntercept.yaml, parameters): a
 * valid token, `transId` of 3 to 14 characters, `platformType: XOLT`, `inquiryType: U`,
 * a `Content-Type`,
 * a 1Z number UPS issued to the token's account (or to no account), and a JSON body when
 * the route takes one.
 */
function checkInterceptCall(
  request: CarrierRequest,
  world: CarrierWorld,
  withBody: boolean,
): Checked {
  const account = authenticateUps(request.headers, world);
  if (typeof account !== 'string') {
    return { ok: false, response: account };
  }
  const transId = String(request.headers.transid ?? '');
  if (
    !TRANS_ID.test(transId) ||
    request.headers.platformtype !== 'XOLT' ||
    request.headers.inquirytype !== 'U' ||
    // Required on every operation, bodiless GETs included (parameters.Content-Type).
    String(request.headers['content-type'] ?? '') === ''
  ) {
    return {
      ok: false,
      response: upsInterceptError(
        400,
        transId.slice(0, 14) || 'unknown',
        '710',
        'Failure due to input validation error',
      ),
    };
  }
  const parcel = world.parcels.get('ups', request.route.target);
  if (parcel === undefined) {
    return {
      ok: false,
      response: upsInterceptError(404, transId, '404', 'Tracking number not found'),
    };
  }
  if (!admitAccount(world, parcel, account, request.route.operation)) {
    return { ok: false, response: notShipperPackage(transId) };
  }
  if (!withBody) {
    return { ok: true, transId, parcel, body: {} };
  }
  const body = parseJsonObject(request.body);
  if (!body.ok) {
    return { ok: false, response: invalid(transId) };
  }
  return { ok: true, transId, parcel, body: body.value };
}

/**
 * A Delivery Intercept call on a package another account shipped. Delivery Intercept is
 * for "a shipper [to] cancel or reroute a shipment they have sent" (DeliveryIntercept.yaml,
 * info.description), and the spec documents no code for "not your package". The closest
 * it documents is every endpoint's 401 example, `605` "Package address token does not
 * match any tokens in the user's profile.": the package does not belong to the caller's
 * profile. So every Delivery Intercept endpoint (eligibility, charges, return, redirect,
 * cancel) answers that, in the wrapped 4xx body with the `APIErrorCode` header.
 */
function notShipperPackage(transId: string): CarrierResponse {
  return upsInterceptError(
    401,
    transId,
    '605',
    "Package address token does not match any tokens in the user's profile.",
  );
}

function invalid(transId: string): CarrierResponse {
  return upsInterceptError(400, transId, '710', 'Failure due to input validation error');
}

function success(transId: string): CarrierResponse {
  return jsonResponse(200, {
    transactionId: transId,
    statusCode: '000',
    statusMsg: 'Success',
    success: true,
    errors: null,
    subStatusCode: '',
  });
}

function refused(transId: string, refusal: InterceptRefusal | RedirectRefusal): CarrierResponse {
  const [errorCode, errorMessage] = REFUSALS[refusal];
  return jsonResponse(200, {
    transactionId: transId,
    statusCode: '000',
    statusMsg: 'Success',
    success: false,
    errors: [{ errorCode, errorMessage }],
    subStatusCode: '',
  });
}

function validRequester(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const { name, telephone } = value as Record<string, unknown>;
  return (
    typeof name === 'string' &&
    name.length >= 1 &&
    name.length <= 30 &&
    typeof telephone === 'string' &&
    PHONE.test(telephone)
  );
}

/** `GET /eligibility/intercept/{1Z}`: RTS is eligible while the parcel can still be turned. */
export function handleUpsEligibility(
  request: CarrierRequest,
  world: CarrierWorld,
): CarrierResponse {
  const checked = checkInterceptCall(request, world, false);
  if (!checked.ok) {
    return checked.response;
  }
  const refusal = decideRedirect(checked.parcel);
  const create = refusal === null ? 'ELIGIBLE' : 'NOT_ELIGIBLE';
  const value = {
    createEligibility: create,
    modifyEligibility: 'NOT_ELIGIBLE',
    cancelEligibility:
      activeIntercept(checked.parcel)?.state === 'ACCEPTED' ? 'ELIGIBLE' : 'NOT_ELIGIBLE',
  };
  return jsonResponse(200, {
    response: {
      transactionId: checked.transId,
      statusCode: '000',
      statusMsg: 'SUCCESS',
      success: true,
      errors: null,
      warnings: null,
      commonEligibilityMap: [
        {
          interceptFeature: 'RTS',
          eligibilityValue: {
            ...value,
            reasonOptionsForRTS: [...RETURN_REASONS].map((id) => ({ id, value: id })),
          },
        },
        { interceptFeature: 'WC', eligibilityValue: value },
      ],
    },
  });
}

/** `POST /charges/{1Z}`: a flat 21.00 USD per intercept, as UPS's example quotes. */
export function handleUpsCharges(request: CarrierRequest, world: CarrierWorld): CarrierResponse {
  const checked = checkInterceptCall(request, world, true);
  if (!checked.ok) {
    return checked.response;
  }
  const ratings = checked.body.ratingRequest;
  const rating: unknown = Array.isArray(ratings) ? ratings[0] : undefined;
  if (typeof rating !== 'object' || rating === null) {
    return invalid(checked.transId);
  }
  const { fromAddress, toAddress, trackInfo } = rating as Record<string, unknown>;
  if (
    !validAddress(fromAddress) ||
    !validAddress(toAddress) ||
    typeof trackInfo !== 'object' ||
    trackInfo === null
  ) {
    return invalid(checked.transId);
  }
  return jsonResponse(200, {
    response: {
      transactionId: checked.transId,
      statusCode: '000',
      statusMsg: 'Success',
      success: true,
      errors: null,
      warnings: null,
      chargeInfo: [
        {
          trackingNumber: checked.parcel.trackingNumber,
          accessorialCharge: '21.00',
          interceptCharge: '21.00',
          transportationCharge: '0.00',
          totalCharge: '21.00',
          chargeCurrency: 'USD',
          serviceCode: '003',
          serviceDesc: 'UPS Ground',
        },
      ],
    },
  });
}

function validAddress(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const { addressLine1, city, state, postalCode, countryCode, firstName, phoneNumber } =
    value as Record<string, unknown>;
  return [addressLine1, city, state, postalCode, countryCode, firstName, phoneNumber].every(
    (field) => typeof field === 'string' && field !== '',
  );
}

/** `POST /return/{1Z}` with `requestType: RS`: the shared intercept rules decide. */
export function handleUpsReturn(request: CarrierRequest, world: CarrierWorld): CarrierResponse {
  const checked = checkInterceptCall(request, world, true);
  if (!checked.ok) {
    return checked.response;
  }
  const { requestType, reasonForReturn, requesterContactInfo } = checked.body;
  if (
    requestType !== 'RS' ||
    typeof reasonForReturn !== 'string' ||
    !RETURN_REASONS.has(reasonForReturn) ||
    !validRequester(requesterContactInfo) ||
    !('specialInstructions' in checked.body)
  ) {
    return invalid(checked.transId);
  }
  const outcome = interceptParcel(
    checked.parcel,
    {
      reference: checked.transId,
      reason: reasonForReturn,
      newId: () => `UPSI${String(world.parcels.nextSequence('ups:intercept')).padStart(8, '0')}`,
    },
    { policy: UPS_INTERCEPT_POLICY, seed: world.seed, now: world.now() },
  );
  if (!outcome.accepted) {
    return refused(checked.transId, outcome.refusal);
  }
  world.parcels.addIntercept('ups', outcome.intercept.id, checked.parcel);
  return success(checked.transId);
}

/** `POST /redirect/address/{1Z}` with `requestType: AA` and a US/PR `newDeliveryAddress`. */
export function handleUpsRedirect(request: CarrierRequest, world: CarrierWorld): CarrierResponse {
  const checked = checkInterceptCall(request, world, true);
  if (!checked.ok) {
    return checked.response;
  }
  const { requestType, requesterContactInfo, newDeliveryAddress } = checked.body;
  const info =
    typeof newDeliveryAddress === 'object' && newDeliveryAddress !== null
      ? (newDeliveryAddress as Record<string, unknown>)
      : undefined;
  const address =
    typeof info?.addressInfo === 'object' && info.addressInfo !== null
      ? (info.addressInfo as Record<string, unknown>)
      : undefined;
  if (
    requestType !== 'AA' ||
    !validRequester(requesterContactInfo) ||
    address === undefined ||
    typeof address.addressLine1 !== 'string' ||
    typeof address.city !== 'string' ||
    typeof address.state !== 'string' ||
    !STATE.test(address.state) ||
    typeof address.postalCode !== 'string' ||
    !ZIP.test(address.postalCode) ||
    typeof address.countryCode !== 'string' ||
    !COUNTRY.test(address.countryCode)
  ) {
    return invalid(checked.transId);
  }
  const outcome = redirectParcel(
    checked.parcel,
    {
      reference: checked.transId,
      destination: {
        city: address.city,
        region: address.state,
        postalCode: address.postalCode,
        country: address.countryCode,
        name: typeof info?.nameOrCompanyName === 'string' ? info.nameOrCompanyName : null,
        phone: typeof info?.phoneNumber === 'string' ? info.phoneNumber : null,
        line1: address.addressLine1,
        line2: typeof address.addressLine2 === 'string' ? address.addressLine2 : null,
      },
      newId: () => `UPSR${String(world.parcels.nextSequence('ups:redirect')).padStart(8, '0')}`,
    },
    world.now(),
  );
  return outcome.accepted ? success(checked.transId) : refused(checked.transId, outcome.refusal);
}

/** The simulator's codes for a cancel UPS cannot carry out (a 200 with `success: false`). */
const CANCEL_REFUSALS: Readonly<Record<CancelRefusal, readonly [string, string]>> = {
  nothing_to_cancel: ['9109', 'There is no delivery change to cancel for this package.'],
  already_cancelled: ['9109', 'There is no delivery change to cancel for this package.'],
  returning_or_returned: [
    '9110',
    'The delivery change is already under way and cannot be cancelled.',
  ],
  out_for_delivery: [
    '9103',
    'The package is out for delivery; the change can no longer be cancelled.',
  ],
  delivered: ['9104', 'The package has already been delivered.'],
};

/** The request types a cancel may name: the type of the change being cancelled. */
const CANCELLABLE = new Set(['RS', 'AA', 'WC', 'SC', 'FD']);

/**
 * `POST /cancel/{1Z}` with `requestType` = the type being cancelled, `requesterContactInfo`
 * and `specialInstructions` (required, nullable) as for every action. `RS` withdraws the
 * return to sender while the package has not turned back, `AA` the address change while it
 * is not out for delivery; the package then goes on as before. A change that is under way,
 * done or absent answers `success: false` with the simulator's code.
 */
export function handleUpsCancel(request: CarrierRequest, world: CarrierWorld): CarrierResponse {
  const checked = checkInterceptCall(request, world, true);
  if (!checked.ok) {
    return checked.response;
  }
  const { requestType, requesterContactInfo } = checked.body;
  if (
    typeof requestType !== 'string' ||
    !CANCELLABLE.has(requestType) ||
    !validRequester(requesterContactInfo) ||
    !('specialInstructions' in checked.body)
  ) {
    return invalid(checked.transId);
  }
  const outcome =
    requestType === 'RS'
      ? cancelIntercept(checked.parcel, undefined, world.now())
      : requestType === 'AA'
        ? cancelRedirect(checked.parcel, undefined, world.now())
        : ({ cancelled: false, refusal: 'nothing_to_cancel' } as const);
  if (outcome.cancelled) {
    return success(checked.transId);
  }
  const [errorCode, errorMessage] = CANCEL_REFUSALS[outcome.refusal];
  return jsonResponse(200, {
    transactionId: checked.transId,
    statusCode: '000',
    statusMsg: 'Success',
    success: false,
    errors: [{ errorCode, errorMessage }],
    subStatusCode: '',
  });
}
