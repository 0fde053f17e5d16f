import type { CarrierContext } from '@parcelgate/carrier-kit';
import { createFetchHttpClient } from '@parcelgate/carrier-kit/wire';
import { createCarrierSimulatorClient } from '@parcelgate/carrier-sim';
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
  const sim = createCarrierSimulatorClient({ carrier: 'sandbox', seed });
  beforeAll(sim.start);
  beforeEach(sim.reset);
  afterAll(sim.stop);

  return {
    context(options = {}) {
      return {
        http: createFetchHttpClient({ carrierId: 'sandbox', baseUrl: `${sim.url()}/sandbox` }),
        signal: new AbortController().signal,
        credentials: { apiKey: options.apiKey ?? 'sbx_integration' },
        logger: { debug() {}, info() {}, warn() {}, error() {} },
        clock: { now: () => new Date() },
        requestId: 'req_integration',
      };
    },
    createParcel: sim.createParcel,
    addFault: sim.addFault,
    advance: sim.advance,
  };
}
