import { type CarrierResponse, jsonResponse, proxyErrorPage } from '../carrier-response.ts';

/** The APIs v3 error body: `{ apiVersion, error: { code, message, errors } }`. */
export function uspsError(
  status: number,
  message: string,
  extraHeaders?: Readonly<Record<string, string>>,
): CarrierResponse {
  return jsonResponse(
    status,
    { apiVersion: '/tracking/v3r2', error: { code: String(status), message, errors: [] } },
    extraHeaders,
  );
}

const FAULT_MESSAGES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'The client application identifier is invalid.',
  403: 'Access to this API is not allowed for the application.',
  404: 'Not Found',
  429: 'Quota limit exceeded: too many requests for this application in the current hour.',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** The answer to an injected status fault: USPS's JSON error, or a proxy's HTML page. */
export function uspsFaultResponse(status: number, html: boolean): CarrierResponse {
  const message = FAULT_MESSAGES[status] ?? 'Error';
  return html && status >= 500 ? proxyErrorPage(status, message) : uspsError(status, message);
}

/** The hourly quota's 429 (USPS/api-examples issue #107), Retry-After as given. */
export function uspsRateLimited(retryAfter: string): CarrierResponse {
  return uspsError(429, FAULT_MESSAGES[429] ?? 'Too Many Requests', { 'retry-after': retryAfter });
}
