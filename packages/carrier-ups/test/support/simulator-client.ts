import type { CarrierContext } from '@parcelgate/carrier-kit';
import { createFetchHttpClient } from '@parcelgate/carrier-kit/wire';
import { type RunningSimulator, startSimulator } from '@parcelgate/carrier-sim';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { upsTokenCache } from '../../src/ups-token-cache.ts';

/** A parcel as `POST /__sim/parcels` takes it. */
export interface SimParcelSpec {
  readonly status: string;
  readonly subStatus?: string;
}

/** The simulator of one test file, driven through its control API. */
export interface UpsSimulatorClient {
  readonly url: string;
  /** A context as the gateway builds it, on the production fetch client, for UPS. */
  context(credentials?: Readonly<Record<string, string>>): CarrierContext;
  createParcel(spec: SimParcelSpec): Promise<string>;
  addFault(spec: Readonly<Record<string, unknown>>): Promise<void>;
  /** Moves the simulated clock; journeys play forward and tokens age. */
  advance(ms: number): Promise<void>;
  control(path: string, body?: unknown, method?: string): Promise<unknown>;
}

/** The credentials the simulator accepts (the adapter's sandbox defaults). */
export const SIM_CREDENTIALS = {
  clientId: 'ups-sim-client',
  clientSecret: 'ups-sim-secret',
  requesterName: 'Parcelgate Merchant',
  requesterPhone: '+14045550100',
  webhookCredential: 'ups-sim-webhook-credential',
} as const;

/**
 * Starts the real simulator in process on a free port for the calling file, resets it
 * (and the adapter's process-wide token cache) before every test and stops it afterwards.
 */
export function useUpsSimulator(seed = 'carrier-ups-integration'): UpsSimulatorClient {
  let simulator: RunningSimulator | undefined;
  const url = (): string => {
    if (simulator === undefined) {
      throw new Error('the simulator is not running');
    }
    return simulator.url;
  };
  const control = async (path: string, body?: unknown, method = 'POST'): Promise<unknown> => {
    const response = await fetch(`${url()}/__sim${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
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
    upsTokenCache.clear();
    await control('/reset', { seed });
  });
  afterAll(async () => {
    await simulator?.close();
  });

  return {
    get url() {
      return url();
    },
    context(credentials = SIM_CREDENTIALS) {
      return {
        http: createFetchHttpClient({ carrierId: 'ups', baseUrl: `${url()}/ups` }),
        signal: new AbortController().signal,
        credentials,
        logger: { debug() {}, info() {}, warn() {}, error() {} },
        clock: { now: () => new Date() },
        requestId: 'req_integration_01',
      };
    },
    async createParcel(spec) {
      const created = (await control('/parcels', { carrier: 'ups', ...spec })) as {
        trackingNumber: string;
      };
      return created.trackingNumber;
    },
    async addFault(spec) {
      await control('/faults', { carrier: 'ups', ...spec });
    },
    async advance(ms) {
      await control('/clock/advance', { ms });
    },
    control,
  };
}
