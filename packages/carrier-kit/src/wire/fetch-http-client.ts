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

/** How to build a {@link CarrierHttpClient} on a fetch function. */
export interface FetchHttpClientOptions extends CarrierHosts {
  /** Defaults to the global fetch (which msw intercepts in tests). */
  readonly fetch?: typeof fetch;
  /** Used when a request brings no signal of its own (normally `ctx.signal`). */
  readonly signal?: AbortSignal;
  /** Sent with every request, e.g. a user agent. */
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * A {@link CarrierHttpClient} on the fetch API. It sends each request to the base URL of
 * the host it names (`baseUrl` by default), classifies every connection failure (see
 * `classifyNetworkFailure`) and passes aborts through unwrapped, as the signal's reason,
 * so the gateway can tell "budget ran out" from "carrier failed".
 *
 * @example
 * ```ts
 * const http = createFetchHttpClient({
 *   carrierId: 'kuaidi100',
 *   baseUrl: 'https://poll.kuaidi100.com',
 *   hosts: { label: 'https://api.kuaidi100.com' },
 * });
 * await http.request({ method: 'POST', host: 'label', path: '/label/order', body });
 * ```
 */
export function createFetchHttpClient(options: FetchHttpClientOptions): CarrierHttpClient {
  // The global fetch is looked up per request, not captured here: test tools (msw's
  // listen()) replace it after clients are built, and a captured one would bypass them.
  const fetchFunction: typeof fetch =
    options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const baseUrlOf = createBaseUrlResolver(options);

  return {
    async request(request: CarrierHttpRequest): Promise<CarrierHttpResponse> {
      const prepared = prepareRequest(options, baseUrlOf, request);
      const { signal } = prepared;
      const url = prepared.url.toString();
      let response: Response;
      try {
        response = await fetchFunction(url, {
          method: request.method,
          headers: { ...options.headers, ...request.headers },
          ...(request.body === undefined ? {} : { body: request.body }),
          ...(signal === undefined ? {} : { signal }),
        });
      } catch (error) {
        throw sendFailure(error, prepared);
      }
      return {
        status: response.status,
        headers: response.headers,
        async text() {
          try {
            return await response.text();
          } catch (error) {
            throw sendFailure(error, prepared, true);
          }
        },
      };
    },
  };
}
