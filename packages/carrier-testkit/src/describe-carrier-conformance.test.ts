import { describe, expect, it } from 'vitest';
import {
  ACME_CREDENTIALS,
  ACME_STATUS_CODES,
  createAcmeCarrier,
} from './__fixtures__/acme-carrier.ts';
import { ACME_BASE_URL, acmeFixtures } from './__fixtures__/acme-fixtures.ts';
import { conformanceChecks } from './checks/index.ts';
import { describeCarrierConformance, planConformance } from './describe-carrier-conformance.ts';
import { createMswEnvironment } from './environments/msw-environment.ts';

// The well-behaved reference adapter passes the whole suite, registered the way an
// adapter package registers it.
describeCarrierConformance({
  carrier: createAcmeCarrier(),
  credentials: ACME_CREDENTIALS,
  documentedStatusCodes: ACME_STATUS_CODES,
  environment: createMswEnvironment({
    baseUrl: ACME_BASE_URL,
    fixtures: acmeFixtures,
    refusesWrongCredentials: true,
  }),
});

describe('planConformance', () => {
  const carrier = createAcmeCarrier();
  const environment = createMswEnvironment({ baseUrl: ACME_BASE_URL, fixtures: acmeFixtures });

  it('plans every check for an adapter with intercept and redirect', () => {
    const plan = planConformance(carrier, environment);
    expect(plan.map(({ check }) => check.id)).toEqual(conformanceChecks.map((check) => check.id));
    expect(plan.filter((planned) => planned.skipReason !== undefined)).toEqual([]);
  });

  it('skips, with the reason, the checks an environment cannot stage', () => {
    const limited = {
      ...environment,
      name: 'limited',
      supports: (feature: string) => feature !== 'statusCodes',
    };
    const skipped = planConformance(carrier, limited).filter(
      (planned) => planned.skipReason !== undefined,
    );
    expect(skipped.map(({ check, skipReason }) => [check.id, skipReason])).toEqual([
      ['status-codes', 'limited cannot stage statusCodes'],
    ]);
  });

  it('leaves out the mutation checks for a track-only adapter', () => {
    const trackOnly = { ...carrier, capabilities: { proofOfDelivery: false, callbacks: false } };
    expect(planConformance(trackOnly, environment).map(({ check }) => check.id)).not.toContain(
      'outcome-unknown',
    );
  });

  it('leaves out the verify-credentials check for an adapter without verifyCredentials', () => {
    const ids = planConformance(createAcmeCarrier({ withoutVerify: true }), environment).map(
      ({ check }) => check.id,
    );
    expect(ids).not.toContain('verify-credentials');
    expect(ids).toContain('credentials');
  });
});
