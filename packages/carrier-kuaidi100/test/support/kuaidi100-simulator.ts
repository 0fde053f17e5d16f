import { createCarrierSimulatorClient } from '@parcelgate/carrier-sim';
import { createTestContext, type TestCarrierContext } from '@parcelgate/carrier-testkit';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { kuaidi100Credentials } from '../../src/kuaidi100-credentials.ts';

/** The sandbox defaults: what the simulated Kuaidi100 accepts, and the salt it signs with. */
export const SIM_CREDENTIALS: Readonly<Record<string, string>> = Object.fromEntries(
  kuaidi100Credentials.flatMap((field) =>
    'sandboxDefault' in field ? [[field.key, field.sandboxDefault]] : [],
  ),
);

/** The simulator of one test file, driven through its control API. */
export interface Kuaidi100Simulator {
  readonly url: () => string;
  context(options?: {
    readonly callbackUrl?: string;
    readonly credentials?: Record<string, string>;
  }): TestCarrierContext;
  createParcel(spec: { readonly status: string; readonly subStatus?: string }): Promise<string>;
  advance(ms: number): Promise<void>;
  control(method: string, path: string, body?: unknown): Promise<unknown>;
}

/** Starts carrier-sim in process for the calling file and resets it before every test. */
export function useKuaidi100Simulator(seed = 'carrier-kuaidi100-integration'): Kuaidi100Simulator {
  const sim = createCarrierSimulatorClient({ carrier: 'kuaidi100', seed });
  beforeAll(sim.start);
  beforeEach(sim.reset);
  afterAll(sim.stop);
  return {
    url: sim.url,
    control: sim.control,
    context(options = {}) {
      const context = createTestContext({
        carrier: 'kuaidi100',
        baseUrl: `${sim.url()}/kuaidi100`,
        credentials: options.credentials ?? SIM_CREDENTIALS,
        now: new Date(),
      });
      return options.callbackUrl === undefined
        ? context
        : { ...context, callbackUrl: options.callbackUrl };
    },
    createParcel: sim.createParcel,
    advance: sim.advance,
  };
}
