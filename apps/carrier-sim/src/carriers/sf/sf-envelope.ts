import { type CarrierResponse, jsonResponse, proxyErrorPage } from '../carrier-response.ts';

/**
 * SF's answers: always HTTP 200 with `{apiErrorMsg, apiResponseID, apiResultCode,
 * apiResultData}`, the service's own answer JSON-encoded again inside `apiResultData`.
 */
export function sfGatewayError(code: string, message: string): CarrierResponse {
  return jsonResponse(200, {
    apiErrorMsg: message,
    apiResponseID: responseId(),
    apiResultCode: code,
    apiResultData: null,
  });
}

/** A service answer that passed the gateway (`A1000`). */
export function sfServiceAnswer(result: {
  readonly success: boolean;
  readonly errorCode: string;
  readonly errorMsg: string | null;
  readonly msgData: unknown;
}): CarrierResponse {
  return jsonResponse(200, {
    apiErrorMsg: '',
    apiResponseID: responseId(),
    apiResultCode: 'A1000',
    apiResultData: JSON.stringify(result),
  });
}

/** `success: true`, `errorCode: S0000`. */
export function sfSuccess(msgData: unknown): CarrierResponse {
  return sfServiceAnswer({ success: true, errorCode: 'S0000', errorMsg: null, msgData });
}

/** `success: false` with SF's business code and Chinese message. */
export function sfBusinessError(errorCode: string, errorMsg: string): CarrierResponse {
  return sfServiceAnswer({ success: false, errorCode, errorMsg, msgData: null });
}

let responseCounter = 0;

/** SF's `apiResponseID`: 32 upper-case hex characters. */
function responseId(): string {
  responseCounter = (responseCounter + 1) % 0x1_0000_0000;
  return `000${responseCounter.toString(16).toUpperCase().padStart(29, '0')}`;
}

/**
 * The answer to an injected status fault. SF answers everything with 200, so what a
 * client sees with another status comes from what stands in front of it: an nginx page
 * for 5xx when asked, else a short JSON body in no particular format.
 */
export function sfFaultResponse(status: number, html: boolean): CarrierResponse {
  if (html && status >= 500) {
    return proxyErrorPage(status, status === 502 ? 'Bad Gateway' : 'Service Unavailable');
  }
  return jsonResponse(status, { status, error: `simulated HTTP ${status}` });
}

/** A 429 from SF's edge, with Retry-After as given. */
export function sfRateLimited(retryAfter: string): CarrierResponse {
  return jsonResponse(
    429,
    { status: 429, error: 'Too Many Requests' },
    { 'retry-after': retryAfter },
  );
}
