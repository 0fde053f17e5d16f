import { type CarrierResponse, jsonResponse, proxyErrorPage } from '../carrier-response.ts';

/** UPS's wrapped error body: `{ "response": { "errors": [{ "code", "message" }] } }`. */
export function upsError(
  status: number,
  code: string,
  message: string,
  extraHeaders?: Readonly<Record<string, string>>,
): CarrierResponse {
  return jsonResponse(status, { response: { errors: [{ code, message }] } }, extraHeaders);
}

/**
 * Delivery Intercept's 4xx body (DeliveryInterceptErrorResponseV2): wrapped, with the
 * transaction id and status code, and the code in the `APIErrorCode` header too.
 */
export function upsInterceptError(
  status: number,
  transId: string,
  code: string,
  message: string,
): CarrierResponse {
  return jsonResponse(
    status,
    {
      response: { transactionId: transId, statusCode: String(status), errors: [{ code, message }] },
    },
    { APIErrorCode: code, APIErrorMessage: message },
  );
}

const FAULT_CODES: Readonly<Record<number, readonly [code: string, reason: string]>> = {
  400: ['10001', 'Bad Request'],
  401: ['250002', 'Invalid Authentication Information'],
  403: ['250003', 'Blocked Merchant'],
  404: ['404', 'The requested resource was not found'],
  429: ['10429', 'Too Many Requests'],
  500: ['10004', 'Something went wrong while processing your request, please try again later'],
  502: ['10002', 'Bad Gateway'],
  503: ['10003', 'Service Unavailable'],
  504: ['10005', 'Gateway Timeout'],
};

/** The answer to an injected status fault: UPS's wrapped JSON, or a proxy's HTML page. */
export function upsFaultResponse(status: number, html: boolean): CarrierResponse {
  const [code, reason] = FAULT_CODES[status] ?? [String(status), 'Error'];
  return html && status >= 500 ? proxyErrorPage(status, reason) : upsError(status, code, reason);
}

/** UPS's 429 (`10429 Too Many Requests`, UPS-API issue #123), Retry-After as given. */
export function upsRateLimited(retryAfter: string): CarrierResponse {
  return upsError(429, '10429', 'Too Many Requests', { 'retry-after': retryAfter });
}
