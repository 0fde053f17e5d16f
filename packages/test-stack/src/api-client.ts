/** A small typed client of the gateway's API, as the e2e tests see it: raw answers, no SDK. */
import { randomUUID } from 'node:crypto';

/**
 * How long one API request may take before the client gives up: more than any budget the
 * gateway applies, and less than an e2e test's timeout, so a hung request fails its test
 * with this client's error rather than the runner's.
 */
const REQUEST_LIMIT_MS = 90_000;

/** An HTTP answer with its body parsed when it is JSON. */
export interface HttpAnswer<Body> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Body;
  /** The raw body text. */
  readonly text: string;
}

/** Options of one API request. */
export interface RequestOptions {
  /** Serialized as JSON with `content-type: application/json`. */
  readonly json?: unknown;
  /** A raw body, sent as is (bad JSON, other media types, huge bodies). */
  readonly body?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly idempotencyKey?: string;
}

/** A fresh idempotency key. */
export function newKey(): string {
  return `e2e-${randomUUID()}`;
}

/** A client of the gateway's API with one API key (or none). */
export class ApiClient {
  readonly baseUrl: string;
  readonly apiKey: string | undefined;

  constructor(baseUrl: string, apiKey: string | undefined) {
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
  }

  /** Sends one request; never throws on an HTTP error status. */
  async request<Body = unknown>(
    method: string,
    path: string,
    options: RequestOptions = {},
  ): Promise<HttpAnswer<Body>> {
    const headers: Record<string, string> = {};
    if (this.apiKey !== undefined) {
      headers.authorization = `Bearer ${this.apiKey}`;
    }
    if (options.idempotencyKey !== undefined) {
      headers['idempotency-key'] = options.idempotencyKey;
    }
    let body: string | undefined = options.body;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    }
    Object.assign(headers, options.headers);
    const response = await fetch(this.baseUrl + path, {
      method,
      headers,
      ...(body === undefined ? {} : { body }),
      signal: AbortSignal.timeout(REQUEST_LIMIT_MS),
    });
    return readAnswer<Body>(response);
  }

  /** `GET path`. */
  get<Body = unknown>(path: string, options: RequestOptions = {}): Promise<HttpAnswer<Body>> {
    return this.request<Body>('GET', path, options);
  }

  /** `POST path` with a JSON body. */
  post<Body = unknown>(
    path: string,
    json: unknown,
    options: Omit<RequestOptions, 'json'> = {},
  ): Promise<HttpAnswer<Body>> {
    return this.request<Body>('POST', path, { ...options, json });
  }
}

async function readAnswer<Body>(response: Response): Promise<HttpAnswer<Body>> {
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  const body = (type.includes('json') && text !== '' ? JSON.parse(text) : text) as Body;
  return { status: response.status, headers: response.headers, body, text };
}
