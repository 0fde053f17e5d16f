import { type CarrierResponse, jsonResponse, proxyErrorPage } from '../carrier-response.ts';

/** The sandbox error body: `{ "error": { "code", "message", "field"? } }`. */
export function sandboxError(
  status: number,
  code: string,
  message: string,
  field?: string,
): CarrierResponse {
  const error = field === undefined ? { code, message } : { code, message, field };
  return jsonResponse(status, { error });
}

const STATUS_CODES: Readonly<Record<number, readonly [code: string, reason: string]>> = {
  400: ['INVALID_REQUEST', 'Bad Request'],
  401: ['UNAUTHORIZED', 'Unauthorized'],
  403: ['FORBIDDEN', 'Forbidden'],
  404: ['NOT_FOUND', 'Not Found'],
  408: ['REQUEST_TIMEOUT', 'Request Timeout'],
  409: ['CONFLICT', 'Conflict'],
  422: ['UNPROCESSABLE', 'Unprocessable Entity'],
  429: ['RATE_LIMITED', 'Too Many Requests'],
  500: ['INTERNAL_ERROR', 'Internal Server Error'],
  502: ['BAD_GATEWAY', 'Bad Gateway'],
  503: ['SERVICE_UNAVAILABLE', 'Service Unavailable'],
  504: ['GATEWAY_TIMEOUT', 'Gateway Timeout'],
};

/**
 * The answer to an injected status fault: a sandbox JSON error, or for 5xx when asked,
 * the HTML page of a proxy that stands in front of the carrier.
 */
export function sandboxFaultResponse(status: number, html: boolean): CarrierResponse {
  const [code, reason] = STATUS_CODES[status] ?? [`HTTP_${status}`, 'Error'];
  if (html && status >= 500) {
    return proxyErrorPage(status, reason);
  }
  return sandboxError(status, code, `simulated ${status} ${reason.toLowerCase()}`);
}

/** The sandbox 429, Retry-After passed through exactly as the fault gave it. */
export function sandboxRateLimited(retryAfter: string): CarrierResponse {
  return jsonResponse(
    429,
    { error: { code: 'RATE_LIMITED', message: 'too many requests, retry later' } },
    { 'retry-after': retryAfter },
  );
}
