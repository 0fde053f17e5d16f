import { type CarrierResponse, jsonResponse, proxyErrorPage } from '../carrier-response.ts';

/** Kuaidi100's error answer: HTTP 200 with `{result: false, returnCode, message}`. */
export function kuaidi100Failure(returnCode: string, message: string): CarrierResponse {
  return jsonResponse(200, { result: false, returnCode, message });
}

/** "Nothing known for this com and number": HTTP 200, returnCode 500. */
export const KUAIDI100_NO_RESULT = kuaidi100Failure('500', '查询无结果，请隔段时间再查');

/**
 * The answer to an injected status fault. Kuaidi100 never answers an unknown parcel with
 * HTTP 404: it says so in a 200 (returnCode 500), which is what a 404 fault stages; other
 * statuses come from the web server in front of it, as JSON or, for 5xx when asked, HTML.
 */
export function kuaidi100FaultResponse(status: number, html: boolean): CarrierResponse {
  if (status === 404) {
    return KUAIDI100_NO_RESULT;
  }
  if (html && status >= 500) {
    return proxyErrorPage(status, 'Error');
  }
  return jsonResponse(status, {
    result: false,
    returnCode: String(status),
    message: `simulated HTTP ${status}`,
  });
}

/** A 429 from the web server in front of Kuaidi100, Retry-After as the fault gave it. */
export function kuaidi100RateLimited(retryAfter: string): CarrierResponse {
  return jsonResponse(
    429,
    { result: false, returnCode: '429', message: '请求过于频繁' },
    { 'retry-after': retryAfter },
  );
}
