import { createMswEnvironment, describeCarrierConformance } from '@parcelgate/carrier-testkit';
import { sfConformanceFixtures } from './__fixtures__/sf-conformance-fixtures.ts';
import { SF_STATUS_CODES } from './map-sf-status.ts';
import { sfCarrier } from './sf-carrier.ts';

describeCarrierConformance({
  carrier: sfCarrier,
  credentials: {
    partnerId: 'CONFORMANCE_PARTNER',
    checkword: 'conformance-checkword-5f2a',
    monthlyCardNo: '7550000009',
    returnProvince: '广东省',
    returnCity: '深圳市',
    returnAddress: '科技园南区1号仓',
  },
  documentedStatusCodes: SF_STATUS_CODES,
  environment: createMswEnvironment({
    baseUrl: 'https://sfapi-sbox.sf-express.com',
    fixtures: sfConformanceFixtures,
  }),
});
