import { startSimulator } from '@parcelgate/carrier-sim';
import {
  conformanceChecks,
  createConformanceHarness,
  createSimulatorEnvironment,
} from '@parcelgate/carrier-testkit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { kuaidi100Carrier } from '../src/kuaidi100-carrier.ts';
import { KUAIDI100_STATUS_CODES } from '../src/map-kuaidi100-state.ts';
import { SIM_CREDENTIALS } from './support/kuaidi100-simulator.ts';

/*
 * Every conformance check against the real simulator, fault checks included: Kuaidi100
 * names the parcel in the form body, and carrier-sim's Kuaidi100 routes identify it (and
 * interceptOrder's operation) from the body before faults are picked
 * (CarrierRoute.identify), so faults scoped to one parcel reach these routes.
 */
const simulator = await startSimulator({ port: 0, seed: 'carrier-kuaidi100-conformance' });
afterAll(() => simulator.close());

const harness = createConformanceHarness({
  carrier: kuaidi100Carrier,
  credentials: SIM_CREDENTIALS,
  documentedStatusCodes: KUAIDI100_STATUS_CODES,
  environment: createSimulatorEnvironment({ simulatorUrl: simulator.url, carrier: 'kuaidi100' }),
});

describe('kuaidi100 conforms to carrier-kit against carrier-sim', () => {
  beforeAll(() => harness.start());
  afterEach(() => harness.reset());
  afterAll(() => harness.stop());
  for (const check of conformanceChecks.filter((candidate) =>
    candidate.appliesTo(kuaidi100Carrier.capabilities, kuaidi100Carrier),
  )) {
    it(check.title, async () => {
      const outcome = await check.run(harness);
      expect(outcome.problems, outcome.summary).toEqual([]);
    });
  }
});
