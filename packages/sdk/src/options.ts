import type { FetchFunction, RetryEvent } from './transport/retrying-fetch.ts';

/** How a client is made. Only `baseUrl` and `apiKey` are needed. */
export interface ParcelgateClientOptions {
  /** The gateway's origin, e.g. `https://parcelgate.example.com` (paths start with `/v1`). */
  readonly baseUrl: string;
  /** Sent as `Authorization: Bearer <apiKey>`; it names your tenant. */
  readonly apiKey: string;
  /**
   * Deadline of one call in milliseconds, covering every attempt and pause between them
   * (default 30 000). Past it the call throws {@link ParcelgateTimeoutError}.
   */
  readonly timeoutMs?: number;
  /** How many times a call may be sent again after its first attempt (default 2). */
  readonly maxRetries?: number;
  /** The cap of the first retry's random pause; doubled on each retry (default 250 ms). */
  readonly retryBaseDelayMs?: number;
  /** No computed pause exceeds this; a Retry-After may (default 5 000 ms). */
  readonly retryMaxDelayMs?: number;
  /**
   * The fetch to use, e.g. one with a proxy agent or a test double. By default the global
   * `fetch`, looked up at each call so instrumentation installed later still sees requests.
   */
  readonly fetch?: FetchFunction;
  /** Told before each retry's pause: log it or count it. */
  readonly onRetry?: (event: RetryEvent) => void;
  /** Extra headers sent with every request, e.g. tracing headers. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** Per-call settings; each overrides the client's. */
export interface CallOptions {
  /** Aborts the call: its reason is thrown as it is, and the call is never retried. */
  readonly signal?: AbortSignal;
  /** This call's deadline in milliseconds (see {@link ParcelgateClientOptions.timeoutMs}). */
  readonly timeoutMs?: number;
  /** This call's retry limit (see {@link ParcelgateClientOptions.maxRetries}). */
  readonly maxRetries?: number;
}

/** Per-call settings of calls that reach a carrier, which take a tighter budget. */
export interface CarrierCallOptions extends CallOptions {
  /**
   * Sent as `Prefer: wait=N` (RFC 7240): the gateway answers within N seconds, e.g. an
   * intercept as 202 `pending` instead of waiting longer for the carrier.
   */
  readonly preferWaitSeconds?: number;
}

/** Per-call settings of mutating calls. */
export interface MutationOptions extends CarrierCallOptions {
  /**
   * The Idempotency-Key; by default a fresh UUID per call, reused by its own retries. Pass
   * your own (e.g. derived from your order id) to make a call safe to repeat across process
   * restarts: the same key with the same body replays the first answer.
   */
  readonly idempotencyKey?: string;
}

/** The client's settings with every default filled in. */
export interface ResolvedSettings {
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly fetch: FetchFunction | undefined;
  readonly onRetry: ((event: RetryEvent) => void) | undefined;
  readonly headers: Readonly<Record<string, string>>;
}

/** Fills in defaults and refuses settings that would misbehave later, with a clear message. */
export function resolveSettings(options: ParcelgateClientOptions): ResolvedSettings {
  if (typeof options.baseUrl !== 'string' || !/^https?:\/\//.test(options.baseUrl)) {
    throw new TypeError('createParcelgateClient: `baseUrl` must be an http(s) URL.');
  }
  if (typeof options.apiKey !== 'string' || options.apiKey === '') {
    throw new TypeError('createParcelgateClient: `apiKey` is required.');
  }
  const settings: ResolvedSettings = {
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    apiKey: options.apiKey,
    timeoutMs: options.timeoutMs ?? 30_000,
    maxRetries: options.maxRetries ?? 2,
    baseDelayMs: options.retryBaseDelayMs ?? 250,
    maxDelayMs: options.retryMaxDelayMs ?? 5_000,
    fetch: options.fetch,
    onRetry: options.onRetry,
    headers: options.headers ?? {},
  };
  checkCallSettings(settings.timeoutMs, settings.maxRetries);
  return settings;
}

/** Checks a deadline and a retry count, the client's or one call's. */
export function checkCallSettings(timeoutMs: number, maxRetries: number): void {
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new RangeError('`timeoutMs` must be a positive, finite number of milliseconds.');
  }
  if (!Number.isInteger(maxRetries) || maxRetries < 0) {
    throw new RangeError('`maxRetries` must be a whole number, 0 or more.');
  }
}
