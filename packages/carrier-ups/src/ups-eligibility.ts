import { type CarrierContext, CarrierRetryableError } from '@parcelgate/carrier-kit';
import { parseJsonResponse } from '@parcelgate/carrier-kit/wire';
import { classifyUpsFailure } from './classify-ups-failure.ts';
import { firstError, isJsonObject, readObject, readOptionalBoolean } from './read-json.ts';
import { UPS_CARRIER_ID } from './ups-ids.ts';
import { UPS_INTERCEPT_HEADERS, upsInterceptPath } from './ups-intercept-call.ts';
import { sendUpsRequest } from './ups-request.ts';
import type { UpsEligibilityResponse } from './ups-wire-types.ts';

/** `ELIGIBLE`, `NOT_ELIGIBLE` or `UNKNOWN` (DeliveryInterceptEligibilityValueV2). */
export type UpsEligibility =
  UpsEligibilityResponse['response']['commonEligibilityMap']['eligibilityValue'] extends
    | { createEligibility: infer Value }
    | undefined
    ? Value
    : never;

/** The intercept features eligibility reports (SDWC, RTS, WC, FD, RD). */
export type UpsInterceptFeature = NonNullable<
  UpsEligibilityResponse['response']['commonEligibilityMap']['interceptFeature']
>;

/**
 * Whether UPS would accept a new intercept of `feature` (`RTS` for return to sender):
 * GET /eligibility/intercept/{tracking_number} (DeliveryIntercept.yaml,
 * getEligibilityOptions), reading `createEligibility` of that feature. A feature UPS does
 * not list is `UNKNOWN`. The spec types `commonEligibilityMap` as one object while its own
 * example sends an array: both are read. A 200 with `success: false` is `retryable`.
 */
export async function readUpsEligibility(
  ctx: CarrierContext,
  trackingNumber: string,
  feature: UpsInterceptFeature,
): Promise<UpsEligibility> {
  const response = await sendUpsRequest(ctx, {
    method: 'GET',
    path: upsInterceptPath('eligibility/intercept', trackingNumber),
    query: { loc: 'en_US' },
    headers: UPS_INTERCEPT_HEADERS,
  });
  if (response.status < 200 || response.status >= 300) {
    throw await classifyUpsFailure(ctx, response);
  }
  const answer = await parseJsonResponse(
    response,
    { carrierId: UPS_CARRIER_ID, mutation: false },
    (body) => parseUpsEligibility(body, feature),
  );
  if (!answer.success) {
    throw new CarrierRetryableError({
      carrierId: UPS_CARRIER_ID,
      httpStatus: response.status,
      requestSent: true,
      ...(answer.errorCode === undefined ? {} : { carrierCode: answer.errorCode }),
      message: `ups eligibility answered success:false (${answer.errorCode ?? 'no code'})`,
    });
  }
  return answer.eligibility;
}

/** Reads an eligibility answer for one feature. */
export function parseUpsEligibility(
  body: unknown,
  feature: UpsInterceptFeature,
): {
  readonly success: boolean;
  readonly errorCode: string | undefined;
  readonly eligibility: UpsEligibility;
} {
  const response = readObject(readObject(body, 'eligibility').response, 'response');
  // `success` defaults to false in the spec, but older answers leave it out when all is well.
  const success =
    readOptionalBoolean(response.success, 'response.success') ?? response.errors == null;
  const map = response.commonEligibilityMap;
  const entries: readonly unknown[] = Array.isArray(map) ? map : map == null ? [] : [map];
  const entry = entries.find(
    (item): item is Readonly<Record<string, unknown>> =>
      isJsonObject(item) && item.interceptFeature === feature,
  );
  const value = isJsonObject(entry?.eligibilityValue)
    ? entry.eligibilityValue.createEligibility
    : undefined;
  const eligibility: UpsEligibility =
    value === 'ELIGIBLE' || value === 'NOT_ELIGIBLE' ? value : 'UNKNOWN';
  return { success, errorCode: firstError(response.errors)?.code, eligibility };
}
