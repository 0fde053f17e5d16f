import type { CarrierContext, CarrierError, CarrierHttpResponse } from '@parcelgate/carrier-kit';
import { classifyHttpFailure, readErrorBody, redactSecrets } from '@parcelgate/carrier-kit/wire';
import { firstError, isJsonObject, type UpsErrorEntry } from './read-json.ts';
import { UPS_CARRIER_ID } from './ups-ids.ts';

/**
 * Turns a non-2xx UPS answer into a carrier error. UPS wraps errors as
 * `{ "response": { "errors": [{ "code", "message" }] } }` (Tracking.yaml `Response`,
 * DeliveryIntercept.yaml `DeliveryInterceptErrorResponseV2`) and on Delivery Intercept
 * also in the `APIErrorCode`/`APIErrorMessage` headers; an HTML page from a proxy or an
 * empty body classifies by status alone. 400 (e.g. `710` input validation) is
 * `invalid-request`, 401/403 `authentication` (after `sendUpsRequest` already renewed
 * the token once), 404 `not-found`, 429 `rate-limited` with Retry-After, 5xx `retryable`.
 * The carrier's message is redacted of every configured credential.
 */
export async function classifyUpsFailure(
  ctx: CarrierContext,
  response: CarrierHttpResponse,
): Promise<CarrierError> {
  const body = await readErrorBody(response);
  const error = readUpsErrorBody(body.json) ?? readUpsErrorHeaders(response.headers);
  const secrets = Object.values(ctx.credentials);
  return classifyHttpFailure({
    carrierId: UPS_CARRIER_ID,
    status: response.status,
    headers: response.headers,
    carrierCode: error?.code,
    carrierMessage:
      error?.message === undefined ? undefined : redactSecrets(error.message, secrets),
    now: ctx.clock.now(),
  });
}

/** The first error of a wrapped UPS error body, or undefined when the body is not one. */
export function readUpsErrorBody(json: unknown): UpsErrorEntry | undefined {
  if (!isJsonObject(json)) {
    return undefined;
  }
  // Some UPS gateways answer the list unwrapped (`{ "errors": [...] }`, older Track Alert).
  const errors = isJsonObject(json.response) ? json.response.errors : json.errors;
  return firstError(errors);
}

function readUpsErrorHeaders(headers: Headers): UpsErrorEntry | undefined {
  const code = headers.get('apierrorcode') ?? undefined;
  const message = headers.get('apierrormessage') ?? undefined;
  return code === undefined && message === undefined ? undefined : { code, message };
}
