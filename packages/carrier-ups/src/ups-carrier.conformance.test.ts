import { createMswEnvironment, describeCarrierConformance } from '@parcelgate/carrier-testkit';
import {
  CONFORMANCE_CREDENTIALS,
  upsConformanceCarrier,
} from '../test/support/conformance-carrier.ts';
import {
  UPS_CONFORMANCE_BASE_URL,
  upsConformanceFixtures,
} from './__fixtures__/ups-conformance-fixtures.ts';
import { UPS_STATUS_CODES } from './map-ups-status.ts';

describeCarrierConformance({
  carrier: upsConformanceCarrier,
  credentials: CONFORMANCE_CREDENTIALS,
  documentedStatusCodes: UPS_STATUS_CODES,
  environment: createMswEnvironment({
    baseUrl: UPS_CONFORMANCE_BASE_URL,
    fixtures: upsConformanceFixtures,
  }),
});
