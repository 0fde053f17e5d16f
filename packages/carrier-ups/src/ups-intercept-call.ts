import {
  type CarrierContext,
  CarrierNotEligibleError,
  CarrierRetryableError,
  type Money,
  type NormalizedStatus,
} from '@parcelgate/carrier-kit';
import { parseJsonResponse, redactSecrets } from '@parcelgate/carrier-kit/wire';
import { classifyUpsFailure } from './classify-ups-failure.ts';
import { firstError, readObject, readOptionalBoolean, readOptionalString } from './read-json.ts';
import { invalidField } from './ups-contact.ts';
import { UPS_CARRIER_ID } from './ups-ids.ts';
import { sendUpsRequest } from './ups-request.ts';
import type { UpsInterceptResponse } from './ups-wire-types.ts';

/** Where the Delivery Intercept API v2 lives below the UPS host. */
export const UPS_INTERCEPT_BASE_PATH = '/api/deliveryintercept/v2';

/** The headers every Delivery Intercept call requires (DeliveryIntercept.yaml, parameters). */
export const UPS_INTERCEPT_HEADERS = {
  // The only value the spec allows; "XOLT" is UPS's name for API integrations.
  platformType: 'XOLT',
  // "indicator for UPS Shipper Initiated Intercepts", the only value.
  inquiryType: 'U',
  // Required on every operation, the bodiless GET /eligibility included: a validating
  // gateway answers its absence with 400 (710).
  'content-type': 'application/json',
} as const;

/** `^(1Z)[A-Z0-9]{16}$`: Delivery Intercept takes 1Z numbers only. */
const INTERCEPTABLE = /^1Z[A-Z0-9]{16}$/;

/** Refuses, before sending, a tracking number Delivery Intercept cannot take. */
export function assertInterceptable(trackingNumber: string): void {
  if (!INTERCEPTABLE.test(trackingNumber)) {
    throw invalidField(
      'trackingNumber',
      'Delivery Intercept takes only 1Z tracking numbers (1Z and 16 letters or digits)',
    );
  }
}

/** The Delivery Intercept path of an operation on a parcel, e.g. `/return/1Z...`. */
export function upsInterceptPath(operation: string, trackingNumber: string): string {
  return `${UPS_INTERCEPT_BASE_PATH}/${operation}/${encodeURIComponent(trackingNumber)}`;
}

/** The 200 of an action, reduced to what the adapter reads. */
export type UpsActionAnswer = Pick<UpsInterceptResponse, 'transactionId' | 'statusCode'> & {
  readonly success: boolean;
  readonly error:
    | { readonly code: string | undefined; readonly message: string | undefined }
    | undefined;
};

/**
 * Sends one Delivery Intercept action (return, redirect/address, cancel) and reads its
 * 200, which is NOT wrapped in `response` (DeliveryInterceptResponseV2). HTTP 200 with
 * `success: false` is a failure, told apart by its error code: `500` ("System Error") is
 * `retryable` (UPS failed, nothing was placed), any other code a refusal
 * (`not-eligible`, its reason inferred from the parcel's status when tracking read one).
 * A garbled 200 is `outcome-unknown`: UPS may have acted on it.
 */
export async function sendUpsInterceptAction(
  ctx: CarrierContext,
  call: UpsActionCall & {
    /** The parcel's status read just before, to name a refusal's reason. */
    readonly parcelStatus?: NormalizedStatus | undefined;
  },
): Promise<UpsActionAnswer> {
  const answer = await postUpsInterceptAction(ctx, call);
  if (answer.success) {
    return answer;
  }
  const refusal = describeRefusal(ctx, call.operation, answer);
  throw new CarrierNotEligibleError({
    carrierId: UPS_CARRIER_ID,
    httpStatus: 200,
    requestSent: true,
    carrierCode: refusal.code,
    reason: refusalReason(call.parcelStatus),
    message: refusal.text,
  });
}

/** One Delivery Intercept action: which, on which package, with which body. */
export interface UpsActionCall {
  readonly operation: 'return' | 'redirect/address' | 'cancel';
  readonly trackingNumber: string;
  readonly body: unknown;
}

/**
 * Posts one action and reads its 200, success or not, leaving a refusal to the caller
 * (a cancel UPS refuses is an answer, not an error). A non-2xx is classified; a garbled
 * 200 is `outcome-unknown`; `success: false` with UPS's "System Error" (`500`) is
 * `retryable`, since UPS failed before acting.
 */
export async function postUpsInterceptAction(
  ctx: CarrierContext,
  call: UpsActionCall,
): Promise<UpsActionAnswer> {
  const response = await sendUpsRequest(ctx, {
    method: 'POST',
    path: upsInterceptPath(call.operation, call.trackingNumber),
    query: { loc: 'en_US' },
    headers: UPS_INTERCEPT_HEADERS,
    body: call.body,
  });
  if (response.status < 200 || response.status >= 300) {
    throw await classifyUpsFailure(ctx, response);
  }
  const answer = await parseJsonResponse(
    response,
    { carrierId: UPS_CARRIER_ID, mutation: true },
    parseUpsActionAnswer,
  );
  if (!answer.success) {
    const refusal = describeRefusal(ctx, call.operation, answer);
    if (refusal.code === '500') {
      throw new CarrierRetryableError({
        carrierId: UPS_CARRIER_ID,
        httpStatus: response.status,
        requestSent: true,
        carrierCode: refusal.code,
        message: refusal.text,
      });
    }
  }
  return answer;
}

/** The code and words of a `success: false` answer, redacted of every credential. */
export function describeRefusal(
  ctx: CarrierContext,
  operation: string,
  answer: UpsActionAnswer,
): { readonly code: string; readonly message: string | undefined; readonly text: string } {
  const code = answer.error?.code ?? answer.statusCode;
  const message =
    answer.error?.message === undefined
      ? undefined
      : redactSecrets(answer.error.message, Object.values(ctx.credentials));
  const text = `ups answered success:false to ${operation} (${code})${message === undefined ? '' : `: ${message}`}`;
  return { code, message, text };
}

/**
 * The `accepted` answer to a return or redirect UPS took: its `transactionId` as the
 * carrier reference (UPS has no other id for an intercept), the quoted fee when there is one.
 */
export function acceptedAnswer(
  answer: UpsActionAnswer,
  fee: Money | undefined,
  message: string,
): {
  readonly outcome: 'accepted';
  readonly carrierReference?: string;
  readonly fee?: Money;
  readonly message: string;
} {
  return {
    outcome: 'accepted',
    ...(answer.transactionId === '' ? {} : { carrierReference: answer.transactionId }),
    ...(fee === undefined ? {} : { fee }),
    message,
  };
}

/** Reads the 200 of an action; `success` must be there, `errors` may be null. */
export function parseUpsActionAnswer(body: unknown): UpsActionAnswer {
  const answer = readObject(body, 'intercept answer');
  const success = readOptionalBoolean(answer.success, 'success');
  if (success === undefined) {
    throw new TypeError('ups: intercept answer has no success flag');
  }
  return {
    transactionId: readOptionalString(answer.transactionId, 'transactionId') ?? '',
    statusCode: readOptionalString(answer.statusCode, 'statusCode') ?? '',
    success,
    error: firstError(answer.errors),
  };
}

/**
 * Why UPS refused, in the domain's words, from where the parcel stood: UPS's refusal codes
 * are not published, but a parcel already out for delivery or delivered explains itself.
 */
export function refusalReason(status: NormalizedStatus | undefined): string {
  switch (status) {
    case 'label_created':
      return 'not_picked_up';
    case 'out_for_delivery':
    case 'delivery_attempted':
    case 'available_for_pickup':
      return 'out_for_delivery';
    case 'delivered':
      return 'delivered';
    case 'return_in_transit':
    case 'returned':
      return 'returning_or_returned';
    case 'cancelled':
      return 'cancelled';
    default:
      return 'carrier_refused';
  }
}
