import { createMswEnvironment, describeCarrierConformance } from '@parcelgate/carrier-testkit';
import { CONFORMANCE_CREDENTIALS } from '../test/support/conformance-options.ts';
import {
  FEDEX_CONFORMANCE_BASE_URL,
  fedexConformanceFixtures,
} from './__fixtures__/fedex-conformance-fixtures.ts';
import { fedexCarrier } from './fedex-carrier.ts';
import { FEDEX_STATUS_CODES } from './map-fedex-status.ts';

describeCarrierConformance({
  carrier: fedexCarrier,
  credentials: CONFORMANCE_CREDENTIALS,
  documentedStatusCodes: FEDEX_STATUS_CODES,
  environment: createMswEnvironment({
    baseUrl: FEDEX_CONFORMANCE_BASE_URL,
    fixtures: fedexConformanceFixtures,
  }),
});
