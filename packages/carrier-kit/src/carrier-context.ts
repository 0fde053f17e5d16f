import type { CarrierCredentials } from './credentials.ts';

/** HTTP methods carriers' APIs use. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One request to the carrier, relative to a base URL the gateway configured. */
export interface CarrierHttpRequest {
  readonly method: HttpMethod;
  /**
   * Which of the carrier's hosts to send to: a name declared in `endpoints.hosts`. Absent
   * means the default base URL. A name the carrier did not declare is a programming
   * error, thrown before anything is sent.
   */
  readonly host?: string;
  /** Path appended to the host's base URL, e.g. `/track/v1/details/1Z...`; already encoded. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string | undefined>>;
  readonly headers?: Readonly<Record<string, string>>;
  /** A string (JSON the adapter serialized) or form fields. */
  readonly body?: string | URLSearchParams;
  /**
   * Whether sending this request twice is harmless. Defaults to true for GET and false
   * otherwise; a carrier that reads over POST (SF Express) sets it to true. It decides how
   * a connection lost after sending is classified: retryable for idempotent requests,
   * outcome-unknown for the others.
   */
  readonly idempotent?: boolean;
  /** Defaults to `ctx.signal`. */
  readonly signal?: AbortSignal;
}

/** The carrier's answer. The body is read once, through `text()`. */
export interface CarrierHttpResponse {
  readonly status: number;
  readonly headers: Headers;
  /**
   * Reads the whole body. A connection lost while reading is thrown as a classified
   * carrier error (never a raw socket error); an abort rejects with the signal's reason.
   */
  text(): Promise<string>;
}

/**
 * The only way an adapter talks to its carrier. The gateway backs it with a pooled
 * keep-alive client; tests back it with msw or a simulator. Network failures come out
 * classified: `retryable` with `requestSent: false` when the request provably never left
 * (refused, DNS, TLS), and after sending `retryable` for idempotent requests or
 * `outcome-unknown` for the others.
 */
export interface CarrierHttpClient {
  request(request: CarrierHttpRequest): Promise<CarrierHttpResponse>;
}

/** Structured fields attached to a log line. */
export type LogFields = Readonly<Record<string, unknown>>;

/**
 * A logger whose output the gateway redacts (credentials, phone numbers, addresses).
 * Adapters still never pass a secret to it on purpose.
 */
export interface CarrierLogger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/** The time source; tests and the simulator move it by hand. */
export interface Clock {
  now(): Date;
}

/**
 * Everything an operation may use, supplied by the gateway for one call. Adapters never
 * read the environment, sleep or retry: what they need comes from here.
 */
export interface CarrierContext {
  readonly http: CarrierHttpClient;
  /** Fires when the operation's latency budget runs out (or the caller gives up on a read). */
  readonly signal: AbortSignal;
  readonly credentials: CarrierCredentials;
  readonly logger: CarrierLogger;
  readonly clock: Clock;
  /** The gateway's request id, usable as a carrier transaction id. */
  readonly requestId: string;
  /**
   * Where this gateway receives the carrier's pushes (`POST /v1/carrier-callbacks/<id>`),
   * for carriers whose requests name a callback URL (Kuaidi100's `callbackUrl`). Absent
   * when the gateway does not know its public address (`PARCELGATE_PUBLIC_URL`).
   */
  readonly callbackUrl?: string;
}
