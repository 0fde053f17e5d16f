import {
  ACME_CREDENTIALS,
  ACME_STATUS_CODES,
  createAcmeCarrier,
} from './__fixtures__/acme-carrier.ts';
import { ACME_BASE_URL, acmeFixtures } from './__fixtures__/acme-fixtures.ts';
import { describeCarrierConformance } from './describe-carrier-conformance.ts';
import { createMswEnvironment } from './environments/msw-environment.ts';

// The well-behaved reference adapter passes the whole suite, registered the way an
// adapter package registers it.
describeCarrierConformance({
  carrier: createAcmeCarrier(),
  credentials: ACME_CREDENTIALS,
  documentedStatusCodes: ACME_STATUS_CODES,
  environment: createMswEnvironment({ baseUrl: ACME_BASE_URL, fixtures: acmeFixtures }),
});
