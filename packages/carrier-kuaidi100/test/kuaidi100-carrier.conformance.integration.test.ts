import { startSimulator } from '@parcelgate/carrier-sim';
import {
  connectionRefusedCheck,
  createConformanceHarness,
  createSimulatorEnvironment,
  credentialsCheck,
  definitionCheck,
  eventsOrderCheck,
  operationsCheck,
  statusCodesCheck,
} from '@parcelgate/carrier-testkit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { kuaidi100Carrier } from '../src/kuaidi100-carrier.ts';
import { KUAIDI100_STATUS_CODES } from '../src/map-kuaidi100-state.ts';
import { SIM_CREDENTIALS } from './support/kuaidi100-simulator.ts';

/*
 * The conformance checks against the real simulator, minus the fault checks: Kuaidi100
 * names the parcel in the form body, and carrier-sim picks faults by the tracking number
 * its router reads from the path, before any body is read, so a fault scoped to a parcel
 * never reaches these routes (README, "Known gaps"). Every fault check runs in the msw
 * environment (src/kuaidi100-carrier.conformance.test.ts) and the rest here.
 */
const simulator = await startSimulator({ port: 0, seed: 'carrier-kuaidi100-conformance' });
afterAll(() => simulator.close());

const harness = createConformanceHarness({
  carrier: kuaidi100Carrier,
  credentials: SIM_CREDENTIALS,
  documentedStatusCodes: KUAIDI100_STATUS_CODES,
  environment: createSimulatorEnvironment({ simulatorUrl: simulator.url, carrier: 'kuaidi100' }),
});

describe('kuaidi100 conforms to carrier-kit against carrier-sim (checks without faults)', () => {
  beforeAll(() => harness.start());
  afterEach(() => harness.reset());
  afterAll(() => harness.stop());
  for (const check of [
    definitionCheck,
    operationsCheck,
    statusCodesCheck,
    eventsOrderCheck,
    connectionRefusedCheck,
    credentialsCheck,
  ]) {
    it(check.title, async () => {
      const outcome = await check.run(harness);
      expect(outcome.problems, outcome.summary).toEqual([]);
    });
  }
});
