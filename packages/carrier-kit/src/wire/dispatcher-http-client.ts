import type {
  CarrierHttpClient,
  CarrierHttpRequest,
  CarrierHttpResponse,
} from '../carrier-context.ts';
import {
  type CarrierHosts,
  createBaseUrlResolver,
  prepareRequest,
  sendFailure,
} from './prepare-request.ts';

/**
 * The part of an undici `Dispatcher` (an `Agent`, a `Pool`) this client uses: its
 * `request()`, without fetch's web streams, so a call costs a fraction of fetch's.
 * Declared here so the kit needs no HTTP library of its own.
 */
export interface HttpDispatcher {
  request(options: {
    readonly origin: string;
    readonly path: string;
    readonly method: string;
    readonly headers: Record<string, string>;
    readonly body?: string;
    readonly signal?: AbortSignal;
  }): Promise<{
    readonly statusCode: number;
    readonly headers: Record<string, string | string[] | undefined>;
    readonly body: { text(): Promise<string> };
  }>;
}

/** How to build a {@link CarrierHttpClient} on a dispatcher. */
export interface DispatcherHttpClientOptions extends CarrierHosts {
  /** Sends every request: the gateway's keep-alive pool of the carrier account. */
  readonly dispatcher: HttpDispatcher;
  /** Used when a request brings no signal of its own (normally `ctx.signal`). */
  readonly signal?: AbortSignal;
  /** Sent with every request, e.g. a user agent. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** The content type fetch sends with a URLSearchParams body; this client sends it too. */
const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded;charset=UTF-8';

/**
 * A {@link CarrierHttpClient} on an undici dispatcher, for the gateway's hot path. It
 * behaves as {@link createFetchHttpClient} does (named hosts, failures classified, aborts
 * passed through as the signal's reason, a form body sent as fetch sends it) but for two
 * choices: redirects are not followed (a carrier API that redirects is answered as it
 * answered), and the body is read before the answer is returned (bodies of carrier APIs
 * are small, and a body nobody reads would hold its pooled connection).
 */
export function createDispatcherHttpClient(
  options: DispatcherHttpClientOptions,
): CarrierHttpClient {
  const baseUrlOf = createBaseUrlResolver(options);
  return {
    async request(request: CarrierHttpRequest): Promise<CarrierHttpResponse> {
      const prepared = prepareRequest(options, baseUrlOf, request);
      const { url, signal } = prepared;
      const headers: Record<string, string> = { ...options.headers, ...request.headers };
      let body: string | undefined;
      if (request.body instanceof URLSearchParams) {
        body = request.body.toString();
        if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) {
          headers['content-type'] = FORM_CONTENT_TYPE;
        }
      } else {
        body = request.body;
      }
      let answer: Awaited<ReturnType<HttpDispatcher['request']>>;
      try {
        answer = await options.dispatcher.request({
          origin: url.origin,
          path: `${url.pathname}${url.search}`,
          method: request.method,
          headers,
          ...(body === undefined ? {} : { body }),
          ...(signal === undefined ? {} : { signal }),
        });
      } catch (error) {
        throw sendFailure(error, prepared);
      }
      let text: string;
      try {
        text = await answer.body.text();
      } catch (error) {
        throw sendFailure(error, prepared, true);
      }
      let headersRead: Headers | undefined;
      return {
        status: answer.statusCode,
        // Built when read: most answers are parsed without a look at their headers.
        get headers() {
          headersRead ??= toHeaders(answer.headers);
          return headersRead;
        },
        text: async () => text,
      };
    },
  };
}

function toHeaders(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    for (const item of [value ?? []].flat()) {
      headers.append(name, item);
    }
  }
  return headers;
}
