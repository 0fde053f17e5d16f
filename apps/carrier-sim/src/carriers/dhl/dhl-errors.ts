import { bufferResponse, type CarrierResponse, proxyErrorPage } from '../carrier-response.ts';

const PROBLEM_TYPE = 'application/problem+json';

/** DHL's RFC 7807 error body: `{ title, status, detail, instance }`. */
export function dhlProblem(
  status: number,
  title: string,
  detail: string,
  extraHeaders?: Readonly<Record<string, string>>,
): CarrierResponse {
  return bufferResponse(
    status,
    PROBLEM_TYPE,
    Buffer.from(JSON.stringify({ title, status, detail })),
    extraHeaders,
  );
}

const FAULT_TITLES: Readonly<Record<number, readonly [title: string, detail: string]>> = {
  400: ['Bad Request', 'The request was malformed.'],
  401: ['Unauthorized', 'Unauthorized for given resource.'],
  403: ['Forbidden', 'Access to the resource is forbidden.'],
  404: ['No result found', 'No shipment with given tracking number found.'],
  429: ['Too many requests', 'Too many requests. Your daily quota has been exceeded.'],
  500: ['Internal Server Error', 'An unexpected error occurred.'],
  502: ['Bad Gateway', 'The upstream service answered badly.'],
  503: ['Service Unavailable', 'The service is temporarily unavailable.'],
  504: ['Gateway Timeout', 'The upstream service did not answer in time.'],
};

/** The answer to an injected status fault: a problem document, or a proxy's HTML page. */
export function dhlFaultResponse(status: number, html: boolean): CarrierResponse {
  const [title, detail] = FAULT_TITLES[status] ?? ['Error', `HTTP ${status}`];
  return html && status >= 500 ? proxyErrorPage(status, title) : dhlProblem(status, title, detail);
}

/** DHL's 429 (per-second limit or daily quota), Retry-After as given. */
export function dhlRateLimited(retryAfter: string): CarrierResponse {
  return dhlProblem(
    429,
    'Too many requests',
    'Too many requests. Your daily quota has been exceeded.',
    {
      'retry-after': retryAfter,
    },
  );
}
