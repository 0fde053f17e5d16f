import { startSimulator } from '@parcelgate/carrier-sim';
import {
  createSimulatorEnvironment,
  describeCarrierConformance,
} from '@parcelgate/carrier-testkit';
import { afterAll } from 'vitest';
import { UPS_STATUS_CODES } from '../src/map-ups-status.ts';
import { upsCarrier } from '../src/ups-carrier.ts';
import { CONFORMANCE_CREDENTIALS, UPS_CONFORMANCE_SAMPLES } from './support/conformance-options.ts';

// The same suite as src/ups-carrier.conformance.test.ts, against the real simulator,
// started before collection because the environment needs its URL when declared.
const simulator = await startSimulator({ port: 0, seed: 'carrier-ups-conformance' });
afterAll(() => simulator.close());

describeCarrierConformance({
  carrier: upsCarrier,
  credentials: CONFORMANCE_CREDENTIALS,
  documentedStatusCodes: UPS_STATUS_CODES,
  samples: UPS_CONFORMANCE_SAMPLES,
  environment: createSimulatorEnvironment({ simulatorUrl: simulator.url, carrier: 'ups' }),
});
