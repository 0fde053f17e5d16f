/**
 * A fetch double for unit tests: answers each request with the next scripted step and
 * records what was sent (method, URL, headers, body), so tests need no mocking library.
 */
export type Step = Response | Error | ((request: Request) => Promise<Response> | Response);

/** One request as the double saw it. */
export interface SentRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Headers;
  readonly body: string;
  /** `performance.now()` when it arrived. */
  readonly at: number;
}

/** The double and its log. */
export interface ScriptedFetch {
  readonly fetch: (request: Request) => Promise<Response>;
  readonly sent: SentRequest[];
}

/** Answers with `steps` in order; past the last one, repeats it. */
export function scriptedFetch(...steps: Step[]): ScriptedFetch {
  const sent: SentRequest[] = [];
  return {
    sent,
    async fetch(request) {
      sent.push({
        method: request.method,
        url: request.url,
        headers: request.headers,
        body: await request.text(),
        at: performance.now(),
      });
      const step = steps[Math.min(sent.length - 1, steps.length - 1)];
      if (step === undefined) {
        throw new Error('no step scripted');
      }
      if (step instanceof Error) {
        throw step;
      }
      return typeof step === 'function' ? step(request) : step.clone();
    },
  };
}

/** A JSON answer. */
export function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** A problem answer of a Parcelgate type. */
export function problem(
  status: number,
  slug: string,
  headers: Record<string, string> = {},
): Response {
  return new Response(
    JSON.stringify({
      type: `https://parcelgate.dev/problems/${slug}`,
      title: slug,
      status,
      detail: `${slug} happened`,
      instance: '/v1/test',
      requestId: 'req-1',
    }),
    { status, headers: { 'content-type': 'application/problem+json', ...headers } },
  );
}

/** What `fetch` throws when the connection fails (undici's shape). */
export function networkError(): TypeError {
  return new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:9') });
}

/** A fetch step that never answers, but rejects when the request's signal aborts. */
export function hang(request: Request): Promise<Response> {
  return new Promise((_resolve, reject) => {
    request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true });
  });
}
