import type { CarrierHttpRequest } from '../carrier-context.ts';
import { classifyNetworkFailure, type NetworkFailureContext } from './classify-network-failure.ts';

/** Where a carrier's requests go: its default base URL and its named hosts. */
export interface CarrierHosts {
  readonly carrierId: string;
  /** The carrier's default base URL; paths of requests that name no host are appended to it. */
  readonly baseUrl: string;
  /**
   * Base URLs of the carrier's named hosts (`CarrierEndpoints.hosts`), by name, for
   * requests that name one (`CarrierHttpRequest.host`). A request naming a host missing
   * here throws an Error before anything is sent.
   */
  readonly hosts?: Readonly<Record<string, string>> | undefined;
}

/**
 * Maps a request's `host` to its base URL (trailing slashes dropped): the default for
 * none, the named one otherwise. Throws for a name the client was not given, naming the
 * ones it knows, because sending it to the default host instead would hit the wrong API.
 */
export function createBaseUrlResolver(options: CarrierHosts): (host: string | undefined) => string {
  const trim = (url: string): string => url.replace(/\/+$/, '');
  const defaultUrl = trim(options.baseUrl);
  const named = new Map(
    Object.entries(options.hosts ?? {}).map(([name, url]) => [name, trim(url)] as const),
  );
  return (host) => {
    if (host === undefined) {
      return defaultUrl;
    }
    const url = named.get(host);
    if (url === undefined) {
      const known = named.size === 0 ? 'none' : [...named.keys()].join(', ');
      throw new Error(
        `${options.carrierId}: request names host "${host}", which the carrier's endpoints do not declare (declared hosts: ${known})`,
      );
    }
    return url;
  };
}

/** The full URL of a request: its host's base URL, its path and its query. */
export function requestUrl(baseUrl: string, request: CarrierHttpRequest): URL {
  const url = new URL(baseUrl + request.path);
  for (const [name, value] of Object.entries(request.query ?? {})) {
    if (value !== undefined) {
      url.searchParams.set(name, value);
    }
  }
  return url;
}

/** What both HTTP clients work out of a request before sending it. */
export interface PreparedRequest {
  readonly url: URL;
  /** The request's own signal, else the client's. */
  readonly signal: AbortSignal | undefined;
  /** How a connection failure of this request is classified. */
  readonly failure: NetworkFailureContext;
}

/**
 * The request's URL, signal and failure context. Throws for a host the carrier did not
 * declare: the adapter's bug, not a network failure, so outside any classification.
 */
export function prepareRequest(
  options: CarrierHosts & { readonly signal?: AbortSignal | undefined },
  baseUrlOf: (host: string | undefined) => string,
  request: CarrierHttpRequest,
): PreparedRequest {
  return {
    url: requestUrl(baseUrlOf(request.host), request),
    signal: request.signal ?? options.signal,
    failure: {
      carrierId: options.carrierId,
      idempotent: request.idempotent ?? request.method === 'GET',
    },
  };
}

/**
 * What a failed send or body read throws: the signal's reason when it was aborted (so the
 * gateway tells "budget ran out" from "carrier failed"), else the classified failure.
 */
export function sendFailure(
  error: unknown,
  prepared: PreparedRequest,
  whileReadingBody = false,
): unknown {
  return prepared.signal?.aborted
    ? prepared.signal.reason
    : classifyNetworkFailure(error, { ...prepared.failure, whileReadingBody });
}
