import { createMswEnvironment, describeCarrierConformance } from '@parcelgate/carrier-testkit';
import {
  SANDBOX_CONFORMANCE_BASE_URL,
  sandboxConformanceFixtures,
} from './__fixtures__/sandbox-conformance-fixtures.ts';
import { SANDBOX_STATUS_CODES } from './map-sandbox-status.ts';
import { sandboxCarrier } from './sandbox-carrier.ts';

describeCarrierConformance({
  carrier: sandboxCarrier,
  credentials: { apiKey: 'sbx_conformance_key_7d1e' },
  documentedStatusCodes: SANDBOX_STATUS_CODES,
  environment: createMswEnvironment({
    baseUrl: SANDBOX_CONFORMANCE_BASE_URL,
    fixtures: sandboxConformanceFixtures,
  }),
});
