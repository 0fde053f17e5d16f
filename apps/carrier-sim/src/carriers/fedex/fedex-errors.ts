import { type CarrierResponse, jsonResponse, proxyErrorPage } from '../carrier-response.ts';

/** FedEx's error body (ErrorResponseVO): `{ transactionId, errors: [{ code, message }] }`. */
export function fedexError(
  status: number,
  code: string,
  message: string,
  extraHeaders?: Readonly<Record<string, string>>,
): CarrierResponse {
  return jsonResponse(
    status,
    { transactionId: 'sim-transaction', errors: [{ code, message }] },
    extraHeaders,
  );
}

const FAULT_CODES: Readonly<Record<number, readonly [code: string, message: string]>> = {
  400: ['BAD.REQUEST.ERROR', 'The given JSON input is invalid.'],
  401: ['NOT.AUTHORIZED.ERROR', 'Access token expired. Please modify your request and try again.'],
  403: [
    'FORBIDDEN.ERROR',
    'We could not authorize your credentials. Please check your permissions and try again.',
  ],
  404: ['NOT.FOUND.ERROR', 'The resource you requested is no longer available.'],
  429: ['TOO.MANY.REQUESTS', 'We have received too many requests in a short duration.'],
  500: ['INTERNAL.SERVER.ERROR', 'We encountered an unexpected error.'],
  503: ['SERVICE.UNAVAILABLE.ERROR', 'The service is currently unavailable.'],
};

/** The answer to an injected status fault: FedEx's JSON, or a proxy's HTML page. */
export function fedexFaultResponse(status: number, html: boolean): CarrierResponse {
  const [code, message] = FAULT_CODES[status] ?? ['GENERIC.ERROR', 'Error'];
  return html && status >= 500
    ? proxyErrorPage(status, message)
    : fedexError(status, code, message);
}

/** FedEx's 429 (developer portal, "Rate limits"), Retry-After as given. */
export function fedexRateLimited(retryAfter: string): CarrierResponse {
  return fedexError(
    429,
    'TOO.MANY.REQUESTS',
    'We have received too many requests in a short duration. Please wait a while and try again.',
    { 'retry-after': retryAfter },
  );
}
