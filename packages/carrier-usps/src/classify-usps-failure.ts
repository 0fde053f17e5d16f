import type { CarrierContext, CarrierError, CarrierHttpResponse } from '@parcelgate/carrier-kit';
import { classifyHttpFailure, readErrorBody, redactSecrets } from '@parcelgate/carrier-kit/wire';
import { isJsonObject, safeString } from './read-json.ts';
import { USPS_CARRIER_ID } from './usps-ids.ts';
import type { UspsError } from './usps-wire-types.ts';

/**
 * Turns a non-2xx USPS answer into a carrier error. USPS's APIs v3 answer
 * `{ "apiVersion", "error": { "code", "message", "errors": [...] } }` (USPS/api-examples
 * issue #56); its OAuth server answers `{ "error", "error_description" }`. 401 is
 * `authentication` (after `sendUspsRequest` renewed the token once), 429 the hourly quota
 * (`rate-limited`, with its Retry-After), 400 `invalid-request`, 404 `not-found`, 5xx
 * `retryable`; an HTML page or empty body classifies by status alone.
 */
export async function classifyUspsFailure(
  ctx: CarrierContext,
  response: CarrierHttpResponse,
): Promise<CarrierError> {
  const body = await readErrorBody(response);
  const error = readUspsErrorBody(body.json);
  const secrets = Object.values(ctx.credentials);
  return classifyHttpFailure({
    carrierId: USPS_CARRIER_ID,
    status: response.status,
    headers: response.headers,
    carrierCode: error?.code,
    carrierMessage:
      error?.message === undefined ? undefined : redactSecrets(error.message, secrets),
    now: ctx.clock.now(),
  });
}

/** The error of an error body, in either of USPS's two shapes; undefined for anything else. */
export function readUspsErrorBody(json: unknown): UspsError | undefined {
  if (!isJsonObject(json)) {
    return undefined;
  }
  if (isJsonObject(json.error)) {
    return readUspsError(json.error);
  }
  // OAuth 2 (RFC 6749 §5.2): `error` is the code, `error_description` the text.
  const code = safeString(json.error);
  const message = safeString(json.error_description);
  return code === undefined && message === undefined
    ? undefined
    : { ...(code === undefined ? {} : { code }), ...(message === undefined ? {} : { message }) };
}

/** An error object: `code` and `message`, or `title`/`detail` where USPS uses those. */
export function readUspsError(value: unknown): UspsError | undefined {
  if (!isJsonObject(value)) {
    return undefined;
  }
  const code = safeString(value.code);
  const message = safeString(value.message) ?? safeString(value.detail) ?? safeString(value.title);
  return code === undefined && message === undefined
    ? undefined
    : { ...(code === undefined ? {} : { code }), ...(message === undefined ? {} : { message }) };
}
