import {
  type CarrierContext,
  type CarrierError,
  type CarrierHttpResponse,
  CarrierInvalidRequestError,
  CarrierNotFoundError,
  CarrierRetryableError,
} from '@parcelgate/carrier-kit';
import { classifyHttpFailure, readErrorBody, redactSecrets } from '@parcelgate/carrier-kit/wire';
import { FEDEX_CARRIER_ID } from './fedex-ids.ts';
import { type FedexErrorEntry, firstError, isJsonObject } from './read-json.ts';

/** FedEx error codes that mean "no such parcel", inside a 200 or with a 4xx. */
const NOT_FOUND_CODE = /NOTFOUND/;
/** Codes that blame the number itself (`TRACKING.TRACKINGNUMBER.EMPTY`, `...INVALID`). */
const INVALID_NUMBER_CODE = /^TRACKING\.TRACKINGNUMBER\.(?:EMPTY|INVALID)/;

/**
 * Turns a non-2xx FedEx answer into a carrier error. FedEx's error body is
 * `{ transactionId, customerTransactionId, errors: [{ code, message }] }` (ErrorResponseVO);
 * an HTML page from a proxy or an empty body classifies by status alone. A 400 whose code
 * says the number is unknown (`TRACKING.TRACKINGNUMBER.NOTFOUND`) is `not-found`; other
 * 400s `invalid-request`; 401/403 (`NOT.AUTHORIZED.ERROR` after `sendFedexRequest`
 * already renewed the token once, `FORBIDDEN.ERROR`) `authentication`; 404
 * (`NOT.FOUND.ERROR`) `not-found`; 429 (1,400 per 10 s, or the daily quota) `rate-limited`
 * with Retry-After; 5xx (`INTERNAL.SERVER.ERROR`, `SERVICE.UNAVAILABLE.ERROR`)
 * `retryable`. The carrier's message is redacted of every configured credential.
 */
export async function classifyFedexFailure(
  ctx: CarrierContext,
  response: CarrierHttpResponse,
): Promise<CarrierError> {
  const body = await readErrorBody(response);
  const error = firstError(isJsonObject(body.json) ? body.json.errors : undefined);
  const secrets = Object.values(ctx.credentials);
  const carrierMessage =
    error?.message === undefined ? undefined : redactSecrets(error.message, secrets);
  if (response.status === 400 && error?.code !== undefined && NOT_FOUND_CODE.test(error.code)) {
    return new CarrierNotFoundError({
      carrierId: FEDEX_CARRIER_ID,
      httpStatus: response.status,
      requestSent: true,
      carrierCode: error.code,
      message: `fedex has no tracking information for this number (${error.code})`,
    });
  }
  return classifyHttpFailure({
    carrierId: FEDEX_CARRIER_ID,
    status: response.status,
    headers: response.headers,
    carrierCode: error?.code,
    carrierMessage,
    ...(response.status === 400 ? { field: 'trackingNumber' } : {}),
    now: ctx.clock.now(),
  });
}

/**
 * Classifies the error FedEx reports for one number inside a successful answer
 * (`completeTrackResults[].trackResults[].error`, CXSError): an unknown number
 * (`TRACKING.TRACKINGNUMBER.NOTFOUND`, `TRACKING.DATA.NOTFOUND`) is `not-found`, a
 * malformed one `invalid-request`, anything else `retryable` (tracking is a read, so
 * asking again is always safe).
 */
export function classifyFedexResultError(entry: FedexErrorEntry): CarrierError {
  const init = {
    carrierId: FEDEX_CARRIER_ID,
    httpStatus: 200,
    requestSent: true,
    ...(entry.code === undefined ? {} : { carrierCode: entry.code }),
  };
  const code = entry.code ?? '';
  const said = entry.message === undefined ? '' : `: ${entry.message}`;
  if (NOT_FOUND_CODE.test(code)) {
    return new CarrierNotFoundError({
      ...init,
      message: `fedex has no tracking information for this number (${code})`,
    });
  }
  if (INVALID_NUMBER_CODE.test(code)) {
    return new CarrierInvalidRequestError({
      ...init,
      field: 'trackingNumber',
      message: `fedex refused the tracking number (${code})${said}`,
    });
  }
  return new CarrierRetryableError({
    ...init,
    message: `fedex could not track this number${code === '' ? '' : ` (${code})`}${said}`,
  });
}
