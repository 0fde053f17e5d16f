import { createMswEnvironment, describeCarrierConformance } from '@parcelgate/carrier-testkit';
import { CONFORMANCE_CREDENTIALS } from '../test/support/conformance-options.ts';
import {
  DHL_CONFORMANCE_BASE_URL,
  dhlConformanceFixtures,
} from './__fixtures__/dhl-conformance-fixtures.ts';
import { dhlCarrier } from './dhl-carrier.ts';
import { DHL_STATUS_CODES } from './map-dhl-status.ts';

describeCarrierConformance({
  carrier: dhlCarrier,
  credentials: CONFORMANCE_CREDENTIALS,
  documentedStatusCodes: DHL_STATUS_CODES,
  environment: createMswEnvironment({
    baseUrl: DHL_CONFORMANCE_BASE_URL,
    fixtures: dhlConformanceFixtures,
  }),
});
