import { startSimulator } from '@parcelgate/carrier-sim';
import {
  createSimulatorEnvironment,
  describeCarrierConformance,
} from '@parcelgate/carrier-testkit';
import { afterAll } from 'vitest';
import { fedexCarrier } from '../src/fedex-carrier.ts';
import { FEDEX_STATUS_CODES } from '../src/map-fedex-status.ts';
import { CONFORMANCE_CREDENTIALS } from './support/conformance-options.ts';

// The same suite as src/fedex-carrier.conformance.test.ts, against the real simulator,
// started before collection because the environment needs its URL when declared.
const simulator = await startSimulator({ port: 0, seed: 'carrier-fedex-conformance' });
afterAll(() => simulator.close());

describeCarrierConformance({
  carrier: fedexCarrier,
  credentials: CONFORMANCE_CREDENTIALS,
  documentedStatusCodes: FEDEX_STATUS_CODES,
  environment: createSimulatorEnvironment({ simulatorUrl: simulator.url, carrier: 'fedex' }),
});
