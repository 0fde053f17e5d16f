import type { CarrierContext } from '@parcelgate/carrier-kit';
import { createFetchHttpClient } from '@parcelgate/carrier-kit/wire';
import { createCarrierSimulatorClient } from '@parcelgate/carrier-sim';
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
  const sim = createCarrierSimulatorClient({ carrier: 'ups', seed });
  beforeAll(sim.start);
  beforeEach(async () => {
    upsTokenCache.clear();
    await sim.reset();
  });
  afterAll(sim.stop);

  return {
    get url() {
      return sim.url();
    },
    context(credentials = SIM_CREDENTIALS) {
      return {
        http: createFetchHttpClient({ carrierId: 'ups', baseUrl: `${sim.url()}/ups` }),
        signal: new AbortController().signal,
        credentials,
        logger: { debug() {}, info() {}, warn() {}, error() {} },
        clock: { now: () => new Date() },
        requestId: 'req_integration_01',
      };
    },
    createParcel: sim.createParcel,
    addFault: sim.addFault,
    advance: sim.advance,
    control: (path, body, method = 'POST') => sim.control(method, path, body),
  };
}
