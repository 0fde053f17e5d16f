import { HttpResponse, type HttpResponseResolver, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
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
  readonly body: unknown;
}

/** The msw server of one test file, and every request it received in the current test. */
export interface SandboxMockServer {
  readonly calls: RecordedRequest[];
  /** Answers `method path` (relative to the base URL) with `resolver` for this test. */
  answer(method: 'GET' | 'POST', path: string, resolver: () => Response | Promise<Response>): void;
}

/**
 * Starts msw for the calling test file. Unhandled requests fail the test
 * (`onUnhandledFrame: 'error'`), so an adapter calling the wrong path cannot pass.
 */
export function useSandboxMockServer(): SandboxMockServer {
  const server = setupServer();
  const calls: RecordedRequest[] = [];
  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    calls.length = 0;
  });
  afterAll(() => server.close());

  return {
    calls,
    answer(method, path, resolver) {
      const handler: HttpResponseResolver = async ({ request }) => {
        calls.push(await recordRequest(request));
        return resolver();
      };
      const url = `${SANDBOX_TEST_BASE_URL}${path}`;
      server.use(method === 'GET' ? http.get(url, handler) : http.post(url, handler));
    },
  };
}

/** A JSON answer, the way the sandbox sends it. */
export function sandboxJson(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return HttpResponse.json(body as Parameters<typeof HttpResponse.json>[0], {
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

async function recordRequest(request: Request): Promise<RecordedRequest> {
  const headers = Object.fromEntries(
    [...request.headers]
      .filter(([name]) => !FETCH_DEFAULT_HEADERS.has(name))
      .map(([name, value]) => [name, value.replaceAll(SANDBOX_TEST_API_KEY, '<api key>')]),
  );
  const text = await request.text();
  const url = new URL(request.url);
  return {
    method: request.method,
    path: url.pathname.slice(new URL(SANDBOX_TEST_BASE_URL).pathname.length) + url.search,
    headers,
    body: text === '' ? undefined : JSON.parse(text),
  };
}
