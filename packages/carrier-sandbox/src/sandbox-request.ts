import {
  CarrierAuthenticationError,
  type CarrierContext,
  type CarrierHttpResponse,
} from '@parcelgate/carrier-kit';
import type { SandboxCredentials } from './sandbox-credentials.ts';

/** The adapter's id: the `sandbox` in URLs, config keys (`CARRIER_SANDBOX_*`) and metrics. */
export const SANDBOX_CARRIER_ID = 'sandbox';

/** One call to the sandbox API, relative to the base URL the gateway configured. */
export interface SandboxCall {
  readonly method: 'GET' | 'POST';
  /** Already encoded, e.g. `/v1/parcels/SBX100000016`. */
  readonly path: string;
  /** Serialized as JSON; the sandbox speaks nothing else. */
  readonly body?: unknown;
  /**
   * Set for the POSTs the spec calls safe to repeat (cancels, fee quotes), so a lost answer
   * is retryable rather than an unknown outcome.
   */
  readonly idempotent?: boolean;
}

/**
 * Sends one request through `ctx.http`, the only client the adapter may use: it
 * classifies network failures, because only it knows whether the request left.
 * `idempotent` is left to its default (true for GET, false for POST) unless the call says
 * otherwise: the sandbox does not deduplicate intercepts or redirects by our `reference`,
 * so such a POST whose answer is lost must surface as an unknown outcome, never as
 * retryable; cancels and fee quotes are documented as safe to repeat.
 */
export function sendSandboxRequest(
  ctx: CarrierContext,
  call: SandboxCall,
): Promise<CarrierHttpResponse> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    authorization: `Bearer ${readApiKey(ctx)}`,
  };
  if (call.body !== undefined) {
    headers['content-type'] = 'application/json; charset=utf-8';
  }
  return ctx.http.request({
    method: call.method,
    path: call.path,
    headers,
    ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
    ...(call.idempotent === undefined ? {} : { idempotent: call.idempotent }),
    signal: ctx.signal,
  });
}

/** Whether an HTTP status is a success answer (the sandbox uses 200 and 201). */
export function isSandboxSuccess(response: CarrierHttpResponse): boolean {
  return response.status >= 200 && response.status < 300;
}

/** The configured API key; `requestSent: false` because without one nothing was sent. */
export function readApiKey(ctx: CarrierContext): string {
  const apiKey = (ctx.credentials as Partial<SandboxCredentials>).apiKey;
  if (apiKey === undefined || apiKey === '') {
    throw new CarrierAuthenticationError({
      carrierId: SANDBOX_CARRIER_ID,
      message: 'sandbox: no API key configured (set CARRIER_SANDBOX_API_KEY)',
      requestSent: false,
    });
  }
  return apiKey;
}
