import { startSimulator } from '@parcelgate/carrier-sim';
import {
  createSimulatorEnvironment,
  describeCarrierConformance,
} from '@parcelgate/carrier-testkit';
import { afterAll } from 'vitest';
import { SANDBOX_STATUS_CODES } from '../src/map-sandbox-status.ts';
import { sandboxCarrier } from '../src/sandbox-carrier.ts';

// The same suite as src/sandbox-carrier.conformance.test.ts, against the real simulator:
// its own instance (the integration tests reset theirs), started before collection
// because the environment needs the URL when the suite is declared.
const simulator = await startSimulator({ port: 0, seed: 'carrier-sandbox-conformance' });
afterAll(() => simulator.close());

describeCarrierConformance({
  carrier: sandboxCarrier,
  credentials: { apiKey: 'sbx_conformance_key_7d1e' },
  documentedStatusCodes: SANDBOX_STATUS_CODES,
  environment: createSimulatorEnvironment({ simulatorUrl: simulator.url, carrier: 'sandbox' }),
});
