import { createMswEnvironment, describeCarrierConformance } from '@parcelgate/carrier-testkit';
import {
  KUAIDI100_CONFORMANCE_BASE_URL,
  kuaidi100ConformanceFixtures,
} from './__fixtures__/kuaidi100-conformance-fixtures.ts';
import { kuaidi100Carrier } from './kuaidi100-carrier.ts';
import { KUAIDI100_STATUS_CODES } from './map-kuaidi100-state.ts';

describeCarrierConformance({
  carrier: kuaidi100Carrier,
  credentials: {
    customer: 'KD100CONFORMANCECUSTOMER',
    key: 'kd100_conformance_key_51c3',
    secret: 'kd100_conformance_secret_9e2f',
    salt: 'kd100_conformance_salt_77aa',
  },
  documentedStatusCodes: KUAIDI100_STATUS_CODES,
  environment: createMswEnvironment({
    baseUrl: KUAIDI100_CONFORMANCE_BASE_URL,
    fixtures: kuaidi100ConformanceFixtures,
  }),
});
