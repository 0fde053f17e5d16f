import type { CarrierContext, CarrierError, CarrierHttpResponse } from '@parcelgate/carrier-kit';
import { classifyHttpFailure, readErrorBody, redactSecrets } from '@parcelgate/carrier-kit/wire';
import { DHL_CARRIER_ID } from './dhl-ids.ts';
import type { DhlProblem } from './dhl-wire-types.ts';
import { isJsonObject, safeString } from './read-json.ts';

/**
 * Turns a non-2xx DHL answer into a carrier error. DHL answers errors as RFC 7807
 * `application/problem+json` (`{ title, status, detail, instance }`): 404 "No result
 * found" is `not-found`, 401 (a missing or unknown API key) `authentication`, 429 (the
 * per-second limit or the daily quota) `rate-limited` with Retry-After when DHL sends
 * one, 400 `invalid-request`, 5xx `retryable`. An HTML page from a proxy or an empty
 * body classifies by status alone. The title is kept as the carrier code.
 */
export async function classifyDhlFailure(
  ctx: CarrierContext,
  response: CarrierHttpResponse,
): Promise<CarrierError> {
  const body = await readErrorBody(response);
  const problem = readDhlProblem(body.json);
  const secrets = Object.values(ctx.credentials);
  const message = [problem?.title, problem?.detail].filter(Boolean).join(': ');
  return classifyHttpFailure({
    carrierId: DHL_CARRIER_ID,
    status: response.status,
    headers: response.headers,
    carrierCode: problem?.title,
    carrierMessage: message === '' ? undefined : redactSecrets(message, secrets),
    now: ctx.clock.now(),
  });
}

/** The problem document of an error body, or undefined when the body is not one. */
export function readDhlProblem(json: unknown): DhlProblem | undefined {
  if (!isJsonObject(json)) {
    return undefined;
  }
  const title = safeString(json.title);
  const detail = safeString(json.detail);
  if (title === undefined && detail === undefined) {
    return undefined;
  }
  return {
    ...(title === undefined ? {} : { title }),
    ...(detail === undefined ? {} : { detail }),
  };
}
