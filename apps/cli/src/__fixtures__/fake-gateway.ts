/**
 * A fetch double standing in for the gateway: each request goes to the test's handler, and
 * what was sent (method, path and query, headers, body) is recorded, so tests need no
 * mocking library (the SDK's own tests work the same way).
 */

/** One request as the double saw it. */
export interface SentRequest {
  readonly method: string;
  /** Path and query, e.g. `/v1/events?limit=100`. */
  readonly path: string;
  readonly headers: Headers;
  readonly body: unknown;
}

/** The double and its log. */
export interface FakeGateway {
  readonly fetch: (request: Request) => Promise<Response>;
  readonly sent: SentRequest[];
}

/** Answers each request with `handler(request, index)`, index counting from 0. */
export function fakeGateway(
  handler: (request: SentRequest, index: number) => Response | Promise<Response>,
): FakeGateway {
  const sent: SentRequest[] = [];
  return {
    sent,
    async fetch(request) {
      const url = new URL(request.url);
      const text = await request.text();
      const seen: SentRequest = {
        method: request.method,
        path: `${url.pathname}${url.search}`,
        headers: request.headers,
        body: text === '' ? undefined : JSON.parse(text),
      };
      sent.push(seen);
      return handler(seen, sent.length - 1);
    },
  };
}

/** A JSON answer. */
export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

/** A problem answer of a Parcelgate type, with optional extra members (reasons, errors). */
export function problem(
  status: number,
  slug: string,
  extra: Record<string, unknown> = {},
): Response {
  return new Response(
    JSON.stringify({
      type: `https://parcelgate.dev/problems/${slug}`,
      title: slug,
      status,
      detail: `${slug} happened`,
      instance: '/v1/test',
      requestId: 'req-1',
      ...extra,
    }),
    { status, headers: { 'content-type': 'application/problem+json' } },
  );
}
