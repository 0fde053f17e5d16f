import { startSimulator } from '@parcelgate/carrier-sim';
import {
  createSimulatorEnvironment,
  describeCarrierConformance,
} from '@parcelgate/carrier-testkit';
import { afterAll, afterEach } from 'vitest';
import { USPS_STATUS_CODES } from '../src/map-usps-status.ts';
import { uspsCarrier } from '../src/usps-carrier.ts';
import { uspsTokenCache } from '../src/usps-token-cache.ts';
import { CONFORMANCE_CREDENTIALS } from './support/conformance-options.ts';

// The same suite as src/usps-carrier.conformance.test.ts, against the real simulator,
// started before collection because the environment needs its URL when declared.
const simulator = await startSimulator({ port: 0, seed: 'carrier-usps-conformance' });
afterAll(() => simulator.close());
afterEach(() => uspsTokenCache.clear());

describeCarrierConformance({
  carrier: uspsCarrier,
  credentials: CONFORMANCE_CREDENTIALS,
  documentedStatusCodes: USPS_STATUS_CODES,
  environment: createSimulatorEnvironment({ simulatorUrl: simulator.url, carrier: 'usps' }),
});
