import { type RunningSimulator, startSimulator } from '@parcelgate/carrier-sim';
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
  let simulator: RunningSimulator | undefined;
  const url = (): string => {
    if (simulator === undefined) {
      throw new Error('the simulator is not running');
    }
    return simulator.url;
  };
  const control = async (method: string, path: string, body?: unknown): Promise<unknown> => {
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
    await control('POST', '/reset', { seed });
  });
  afterAll(async () => {
    await simulator?.close();
  });
  return {
    url,
    control,
    context(options = {}) {
      const context = createTestContext({
        carrier: 'kuaidi100',
        baseUrl: `${url()}/kuaidi100`,
        credentials: options.credentials ?? SIM_CREDENTIALS,
        now: new Date(),
      });
      return options.callbackUrl === undefined
        ? context
        : { ...context, callbackUrl: options.callbackUrl };
    },
    async createParcel(spec) {
      const created = (await control('POST', '/parcels', { carrier: 'kuaidi100', ...spec })) as {
        trackingNumber: string;
      };
      return created.trackingNumber;
    },
    async advance(ms) {
      await control('POST', '/clock/advance', { ms });
    },
  };
}
