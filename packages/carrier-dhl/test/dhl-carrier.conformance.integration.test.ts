import { startSimulator } from '@parcelgate/carrier-sim';
import {
  createSimulatorEnvironment,
  describeCarrierConformance,
} from '@parcelgate/carrier-testkit';
import { afterAll } from 'vitest';
import { dhlCarrier } from '../src/dhl-carrier.ts';
import { DHL_STATUS_CODES } from '../src/map-dhl-status.ts';
import { CONFORMANCE_CREDENTIALS } from './support/conformance-options.ts';

// The same suite as src/dhl-carrier.conformance.test.ts, against the real simulator,
// started before collection because the environment needs its URL when declared.
const simulator = await startSimulator({ port: 0, seed: 'carrier-dhl-conformance' });
afterAll(() => simulator.close());

describeCarrierConformance({
  carrier: dhlCarrier,
  credentials: CONFORMANCE_CREDENTIALS,
  documentedStatusCodes: DHL_STATUS_CODES,
  environment: createSimulatorEnvironment({ simulatorUrl: simulator.url, carrier: 'dhl' }),
});
