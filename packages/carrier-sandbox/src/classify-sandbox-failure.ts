import {
  type CarrierContext,
  type CarrierError,
  type CarrierHttpResponse,
  CarrierNotEligibleError,
} from '@parcelgate/carrier-kit';
import { classifyHttpFailure, readErrorBody, redactSecrets } from '@parcelgate/carrier-kit/wire';
import { mapSandboxRefusal } from './map-sandbox-reason.ts';
import { SANDBOX_CARRIER_ID } from './sandbox-request.ts';
import { parseSandboxErrorBody } from './sandbox-wire.ts';

/** The sandbox operations whose failures this module classifies. */
export type SandboxOperation =
  | 'track'
  | 'intercept'
  | 'interceptStatus'
  | 'redirect'
  | 'cancelIntercept'
  | 'cancelRedirect'
  | 'quoteFee';

/**
 * Operations whose 422 is a refusal of the action ("Errors common to every route" has no
 * other 422): a fee quote is refused with the code the action itself would get.
 */
const MUTATIONS: ReadonlySet<SandboxOperation> = new Set(['intercept', 'redirect', 'quoteFee']);

/**
 * Turns a non-2xx sandbox answer into a carrier error (docs/carriers/sandbox-api.md).
 * The body is read with `readErrorBody`, so an HTML page from a proxy, an empty body or
 * truncated JSON still classifies by status alone.
 * - 422 to an intercept, a redirect or a fee quote: `CarrierNotEligibleError`, its `reason` mapped from
 *   the refusal code and the code itself kept in `carrierCode`;
 * - anything else (400 with its `field`, 401/403, 404, 429 with Retry-After in seconds or
 *   as an HTTP date, 5xx): carrier-kit's `classifyHttpFailure`.
 * The carrier's message is redacted of the API key before it can reach a log.
 */
export async function classifySandboxFailure(
  ctx: CarrierContext,
  response: CarrierHttpResponse,
  operation: SandboxOperation,
): Promise<CarrierError> {
  const body = parseSandboxErrorBody((await readErrorBody(response)).json);
  const secrets = Object.values(ctx.credentials);
  const carrierMessage =
    body.message === undefined ? undefined : redactSecrets(body.message, secrets);

  if (response.status === 422 && MUTATIONS.has(operation)) {
    const code = body.code === undefined ? '' : ` (${body.code})`;
    const detail = carrierMessage === undefined ? '' : `: ${carrierMessage}`;
    return new CarrierNotEligibleError({
      carrierId: SANDBOX_CARRIER_ID,
      httpStatus: response.status,
      requestSent: true,
      reason: mapSandboxRefusal(body.code),
      message: `${SANDBOX_CARRIER_ID} refused the ${operation}${code}${detail}`,
      ...(body.code === undefined ? {} : { carrierCode: body.code }),
    });
  }
  return classifyHttpFailure({
    carrierId: SANDBOX_CARRIER_ID,
    status: response.status,
    headers: response.headers,
    carrierCode: body.code,
    carrierMessage,
    field: body.field,
    now: ctx.clock.now(),
  });
}
