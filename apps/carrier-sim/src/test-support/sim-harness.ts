import { afterAll, beforeAll } from 'vitest';
import { type RunningSimulator, startSimulator } from '../start-simulator.ts';
import type { ErrorBody, ParcelViewBody, SandboxParcelBody } from './wire-types.ts';

/** Bearer header with a valid sandbox key. */
export const AUTH = { authorization: 'Bearer sbx_test' } as const;

/**
 * An answer: status, headers, raw text and the parsed body (undefined when not JSON),
 * typed as the caller expects it; the assertions check it.
 */
export interface JsonAnswer<Body = unknown> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Body;
  readonly text: string;
}

/** Test-side client of one simulator started on a random port for the file's tests. */
export interface SimHarness {
  readonly url: string;
  /** Any request; the body, when given, is sent as JSON. */
  request<Body = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<JsonAnswer<Body>>;
  /** Creates a parcel and returns its tracking number. */
  createParcel(spec: Record<string, unknown>): Promise<string>;
  /** The control API's view of a parcel (of the sandbox unless `carrier` says otherwise). */
  parcel(trackingNumber: string, carrier?: string): Promise<ParcelViewBody>;
  /** `GET /sandbox/v1/parcels/{trackingNumber}` with a valid key. */
  track(trackingNumber: string): Promise<JsonAnswer<SandboxParcelBody>>;
  /** `POST /sandbox/v1/parcels/{trackingNumber}/intercepts` with a valid body and key. */
  intercept(
    trackingNumber: string,
    reference?: string,
  ): Promise<JsonAnswer<{ interceptId?: string; state?: string } & Partial<ErrorBody>>>;
  /** Registers a fault and returns its id. */
  addFault(rule: Record<string, unknown>): Promise<string>;
  /** Moves the simulated clock. */
  advance(ms: number): Promise<void>;
}

async function toAnswer<Body>(response: Response): Promise<JsonAnswer<Body>> {
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, body: body as Body, text };
}

/**
 * Starts a simulator before the file's tests and stops it after. Each file gets its own
 * simulator, so files run in parallel without sharing parcels or faults.
 */
export function useSimulator(options: { seed?: string } = {}): SimHarness {
  let running: RunningSimulator | undefined;
  beforeAll(async () => {
    running = await startSimulator({ port: 0, seed: options.seed ?? 'test-seed' });
  });
  afterAll(async () => {
    await running?.close();
  });
  const baseUrl = (): string => {
    if (running === undefined) {
      throw new Error('simulator not started');
    }
    return running.url;
  };

  const harness: SimHarness = {
    get url() {
      return baseUrl();
    },
    async request<Body>(
      method: string,
      path: string,
      body?: unknown,
      headers: Record<string, string> = {},
    ): Promise<JsonAnswer<Body>> {
      const init: RequestInit = { method, headers: { ...headers } };
      if (body !== undefined) {
        init.body = typeof body === 'string' ? body : JSON.stringify(body);
        init.headers = { 'content-type': 'application/json', ...headers };
      }
      return toAnswer<Body>(await fetch(`${baseUrl()}${path}`, init));
    },
    async createParcel(spec) {
      const answer = await harness.request<{ trackingNumber: string }>('POST', '/__sim/parcels', {
        carrier: 'sandbox',
        ...spec,
      });
      if (answer.status !== 201) {
        throw new Error(`could not create parcel: ${answer.status} ${answer.text}`);
      }
      return answer.body.trackingNumber;
    },
    async parcel(trackingNumber, carrier = 'sandbox') {
      return (
        await harness.request<ParcelViewBody>('GET', `/__sim/parcels/${carrier}/${trackingNumber}`)
      ).body;
    },
    track: (trackingNumber) =>
      harness.request<SandboxParcelBody>(
        'GET',
        `/sandbox/v1/parcels/${trackingNumber}`,
        undefined,
        AUTH,
      ),
    intercept: (trackingNumber, reference = 'icp_test') =>
      harness.request(
        'POST',
        `/sandbox/v1/parcels/${trackingNumber}/intercepts`,
        { reference, reason: 'BUYER_CANCELLED' },
        AUTH,
      ),
    async addFault(rule) {
      const answer = await harness.request<{ id: string }>('POST', '/__sim/faults', {
        carrier: 'sandbox',
        ...rule,
      });
      if (answer.status !== 201) {
        throw new Error(`could not add fault: ${answer.status} ${answer.text}`);
      }
      return answer.body.id;
    },
    async advance(ms) {
      const answer = await harness.request('POST', '/__sim/clock/advance', { ms });
      if (answer.status !== 200) {
        throw new Error(`could not advance: ${answer.text}`);
      }
    },
  };
  return harness;
}
