import { startSimulator } from '@parcelgate/carrier-sim';
import {
  conformanceChecks,
  createConformanceHarness,
  createSimulatorEnvironment,
} from '@parcelgate/carrier-testkit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SF_STATUS_CODES } from '../src/map-sf-status.ts';
import { sfCarrier } from '../src/sf-carrier.ts';
import { SF_SIM_CREDENTIALS } from './support/sf-simulator.ts';

/*
 * Every check, fault checks included: SF names the parcel and the operation only in the
 * form body, and carrier-sim's SF route identifies them from it (CarrierRoute.identify),
 * so faults scoped to one parcel and one operation reach SF requests as they reach
 * path-routed carriers.
 */
const simulator = await startSimulator({ port: 0, seed: 'carrier-sf-conformance' });
const harness = createConformanceHarness({
  carrier: sfCarrier,
  credentials: SF_SIM_CREDENTIALS,
  documentedStatusCodes: SF_STATUS_CODES,
  environment: createSimulatorEnvironment({ simulatorUrl: simulator.url, carrier: 'sf' }),
});

describe('sf conforms to carrier-kit against carrier-sim', () => {
  beforeAll(() => harness.start());
  afterEach(() => harness.reset());
  afterAll(async () => {
    await harness.stop();
    await simulator.close();
  });

  for (const check of conformanceChecks.filter((candidate) =>
    candidate.appliesTo(sfCarrier.capabilities, sfCarrier),
  )) {
    it(check.title, async () => {
      const outcome = await check.run(harness);
      expect(outcome.problems, outcome.summary).toEqual([]);
    });
  }
});
