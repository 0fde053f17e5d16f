import type { CarrierContext } from '@parcelgate/carrier-kit';
import { createFetchHttpClient } from '@parcelgate/carrier-kit/wire';
import { createCarrierSimulatorClient } from '@parcelgate/carrier-sim';
import { afterAll, beforeAll, beforeEach } from 'vitest';

/** The simulator partner's credentials (the adapter's sandbox defaults). */
export const SF_SIM_CREDENTIALS = {
  partnerId: 'PARCELGATE_SIM',
  checkword: 'sfsim-checkword-0001',
  monthlyCardNo: '7550000001',
  returnProvince: '广东省',
  returnCity: '深圳市',
  returnCounty: '南山区',
  returnAddress: '科技园南区1号仓',
} as const;

/** A parcel as `POST /__sim/parcels` takes it. */
export interface SfParcelSpec {
  readonly status: string;
  readonly subStatus?: string;
  readonly category?: string;
}

/** The simulator of one test file, driven through its control API. */
export interface SfSimulator {
  readonly url: string;
  context(credentials?: Readonly<Record<string, string>>): CarrierContext;
  createParcel(spec: SfParcelSpec): Promise<string>;
  advance(ms: number): Promise<void>;
  control(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown>;
}

/** Starts the real simulator for the calling file and resets it before every test. */
export function useSfSimulator(seed = 'carrier-sf-integration'): SfSimulator {
  const sim = createCarrierSimulatorClient({ carrier: 'sf', seed });
  beforeAll(sim.start);
  beforeEach(sim.reset);
  afterAll(sim.stop);
  return {
    get url() {
      return sim.url();
    },
    context(credentials = SF_SIM_CREDENTIALS) {
      return {
        http: createFetchHttpClient({ carrierId: 'sf', baseUrl: `${sim.url()}/sf` }),
        signal: new AbortController().signal,
        credentials,
        logger: { debug() {}, info() {}, warn() {}, error() {} },
        clock: { now: () => new Date() },
        requestId: 'req_sf_integration',
      };
    },
    createParcel: sim.createParcel,
    advance: sim.advance,
    control: sim.control,
  };
}
