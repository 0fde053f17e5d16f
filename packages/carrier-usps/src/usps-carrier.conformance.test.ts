import { createMswEnvironment, describeCarrierConformance } from '@parcelgate/carrier-testkit';
import { afterEach } from 'vitest';
import { CONFORMANCE_CREDENTIALS } from '../test/support/conformance-options.ts';
import {
  USPS_CONFORMANCE_BASE_URL,
  uspsConformanceFixtures,
} from './__fixtures__/usps-conformance-fixtures.ts';
import { USPS_STATUS_CODES } from './map-usps-status.ts';
import { uspsCarrier } from './usps-carrier.ts';
import { uspsTokenCache } from './usps-token-cache.ts';

afterEach(() => uspsTokenCache.clear());

describeCarrierConformance({
  carrier: uspsCarrier,
  credentials: CONFORMANCE_CREDENTIALS,
  documentedStatusCodes: USPS_STATUS_CODES,
  environment: createMswEnvironment({
    baseUrl: USPS_CONFORMANCE_BASE_URL,
    fixtures: uspsConformanceFixtures,
  }),
});
