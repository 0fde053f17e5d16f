import { createCarrierTestServer, type RecordedCall } from '@parcelgate/carrier-testkit';
import { HttpResponse, http } from 'msw';
import { SANDBOX_TEST_API_KEY, SANDBOX_TEST_BASE_URL } from './sandbox-test-context.ts';

/** An outgoing request as the sandbox received it, ready for an inline snapshot. */
export interface RecordedRequest {
  readonly method: string;
  /** Path below the base URL, e.g. `/v1/parcels/SBX100000016`. */
  readonly path: string;
  /**
   * The headers the adapter set, with the test API key shown as `<api key>` (so a
   * snapshot proves the exact key was sent without holding it). Headers fetch adds on
   * its own (user agent, encodings, host) are left out: they are not the adapter's.
   */
  readonly headers: Readonly<Record<string, string>>;
  /** The JSON body, parsed; undefined when there was none. */
  readonly body: unknown;
}

/** The msw server of one test file, and every request it received in the current test. */
export interface SandboxMockServer {
  readonly calls: readonly RecordedRequest[];
  /** Answers `method path` (relative to the base URL) with `resolver` for this test. */
  answer(method: 'GET' | 'POST', path: string, resolver: () => Response | Promise<Response>): void;
}

/**
 * The testkit's `createCarrierTestServer` for the calling test file, with sandbox paths:
 * requests no handler matches fail the test, so a wrong path cannot pass.
 */
export function useSandboxMockServer(): SandboxMockServer {
  const server = createCarrierTestServer();
  return {
    get calls() {
      return server.calls.map(toRecordedRequest);
    },
    answer(method, path, resolver) {
      const url = `${SANDBOX_TEST_BASE_URL}${path}`;
      server.use(method === 'GET' ? http.get(url, resolver) : http.post(url, resolver));
    },
  };
}

/** A JSON answer, the way the sandbox sends it. */
export function sandboxJson(
  body: unknown,
  status = 200,
  headers: Readonly<Record<string, string>> = {},
): Response {
  return new HttpResponse(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

/** A raw answer: HTML from a proxy, truncated JSON, an empty body. */
export function sandboxText(body: string, status: number, contentType: string): Response {
  return new HttpResponse(body, { status, headers: { 'content-type': contentType } });
}

/** Headers Node's fetch (undici) adds to every request by itself. */
const FETCH_DEFAULT_HEADERS = new Set([
  'accept-encoding',
  'accept-language',
  'connection',
  'content-length',
  'host',
  'sec-fetch-mode',
  'user-agent',
]);

const BASE_PATH = new URL(SANDBOX_TEST_BASE_URL).pathname;

function toRecordedRequest(call: RecordedCall): RecordedRequest {
  const headers = Object.fromEntries(
    Object.entries(call.headers)
      .filter(([name]) => !FETCH_DEFAULT_HEADERS.has(name))
      .map(([name, value]) => [name, value.replaceAll(SANDBOX_TEST_API_KEY, '<api key>')]),
  );
  return {
    method: call.method,
    path: call.url.pathname.slice(BASE_PATH.length) + call.url.search,
    headers,
    body: call.body === '' ? undefined : (call.json ?? call.body),
  };
}
