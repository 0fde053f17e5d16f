import { createMswEnvironment, describeCarrierConformance } from '@parcelgate/carrier-testkit';
import {
  CONFORMANCE_CREDENTIALS,
  UPS_CONFORMANCE_SAMPLES,
} from '../test/support/conformance-options.ts';
import {
  UPS_CONFORMANCE_BASE_URL,
  upsConformanceFixtures,
} from './__fixtures__/ups-conformance-fixtures.ts';
import { UPS_STATUS_CODES } from './map-ups-status.ts';
import { upsCarrier } from './ups-carrier.ts';

describeCarrierConformance({
  carrier: upsCarrier,
  credentials: CONFORMANCE_CREDENTIALS,
  documentedStatusCodes: UPS_STATUS_CODES,
  samples: UPS_CONFORMANCE_SAMPLES,
  environment: createMswEnvironment({
    baseUrl: UPS_CONFORMANCE_BASE_URL,
    fixtures: upsConformanceFixtures,
  }),
});
