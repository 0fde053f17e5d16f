import type { CarrierContext } from '@parcelgate/carrier-kit';
import { createFetchHttpClient } from '@parcelgate/carrier-kit/wire';
import { type RunningSimulator, startSimulator } from '@parcelgate/carrier-sim';
import { afterAll, beforeAll, beforeEach } from 'vitest';

/** A parcel as `POST /__sim/parcels` takes it. */
export interface SimParcelSpec {
  readonly status: string;
  readonly subStatus?: string;
  readonly category?: string;
  readonly declaredValue?: { readonly amount: string; readonly currency: string };
}

/** A fault as `POST /__sim/faults` takes it (carrier is always `sandbox`). */
export interface SimFaultSpec {
  readonly operation: 'track' | 'intercept' | 'redirect' | '*';
  readonly trackingNumber?: string;
  readonly count?: number;
  readonly fault: Readonly<Record<string, unknown>>;
}

/** The simulator of one test file, driven through its control API. */
export interface SimulatorClient {
  /** A context as the gateway builds it, on the production fetch client, for the sandbox. */
  context(options?: { readonly apiKey?: string }): CarrierContext;
  createParcel(spec: SimParcelSpec): Promise<string>;
  addFault(spec: SimFaultSpec): Promise<void>;
  /** Moves the simulated clock; journeys play forward to the new instant. */
  advance(ms: number): Promise<void>;
}

/**
 * Starts the real simulator in process on a free port for the calling file, resets it
 * before every test (parcels, faults, clock, seed) and stops it afterwards.
 */
export function useSimulator(seed = 'carrier-sandbox-integration'): SimulatorClient {
  let simulator: RunningSimulator | undefined;
  const url = (): string => {
    if (simulator === undefined) {
      throw new Error('the simulator is not running');
    }
    return simulator.url;
  };
  const control = async (path: string, body: unknown): Promise<unknown> => {
    const response = await fetch(`${url()}/__sim${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer: unknown = await response.json();
    if (!response.ok) {
      throw new Error(`control ${path} answered ${response.status}: ${JSON.stringify(answer)}`);
    }
    return answer;
  };

  beforeAll(async () => {
    simulator = await startSimulator({ port: 0, seed });
  });
  beforeEach(async () => {
    await control('/reset', { seed });
  });
  afterAll(async () => {
    await simulator?.close();
  });

  return {
    context(options = {}) {
      return {
        http: createFetchHttpClient({ carrierId: 'sandbox', baseUrl: `${url()}/sandbox` }),
        signal: new AbortController().signal,
        credentials: { apiKey: options.apiKey ?? 'sbx_integration' },
        logger: { debug() {}, info() {}, warn() {}, error() {} },
        clock: { now: () => new Date() },
        requestId: 'req_integration',
      };
    },
    async createParcel(spec) {
      const created = (await control('/parcels', { carrier: 'sandbox', ...spec })) as {
        trackingNumber: string;
      };
      return created.trackingNumber;
    },
    async addFault(spec) {
      await control('/faults', { carrier: 'sandbox', ...spec });
    },
    async advance(ms) {
      await control('/clock/advance', { ms });
    },
  };
}
