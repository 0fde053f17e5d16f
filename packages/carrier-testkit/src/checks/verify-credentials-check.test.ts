import { describe, expect, it } from 'vitest';
import { ACME_CREDENTIALS, createAcmeCarrier } from '../__fixtures__/acme-carrier.ts';
import { ACME_BASE_URL, acmeFixtures } from '../__fixtures__/acme-fixtures.ts';
import { runCheck } from '../__fixtures__/run-check.ts';
import { createMswEnvironment } from '../environments/msw-environment.ts';
import { createConformanceHarness } from '../harness.ts';
import { verifyCredentialsCheck, wrongCredentials } from './verify-credentials-check.ts';

describe('verifyCredentialsCheck', () => {
  it('passes an adapter that proves good credentials and refuses wrong ones', async () => {
    const outcome = await runCheck(verifyCredentialsCheck);
    expect(outcome.problems, outcome.summary).toEqual([]);
    expect(outcome.skipped).toBeUndefined();
    expect(outcome.summary).toContain('2 scenario(s) passed');
  });

  it('applies only to adapters that implement verifyCredentials', () => {
    const capabilities = { proofOfDelivery: false, callbacks: false };
    expect(verifyCredentialsCheck.appliesTo(capabilities, createAcmeCarrier())).toBe(true);
    expect(
      verifyCredentialsCheck.appliesTo(capabilities, createAcmeCarrier({ withoutVerify: true })),
    ).toBe(false);
  });

  it('skips itself, with the reason, when planned without knowing the adapter lacks it', async () => {
    expect(verifyCredentialsCheck.appliesTo({ proofOfDelivery: false, callbacks: false })).toBe(
      true,
    );
    const outcome = await runCheck(verifyCredentialsCheck, { quirks: { withoutVerify: true } });
    expect(outcome).toMatchObject({
      problems: [],
      skip: 'the adapter does not implement the optional verifyCredentials',
    });
  });

  it('fails an adapter that accepts without asking the carrier', async () => {
    const outcome = await runCheck(verifyCredentialsCheck, {
      quirks: { verifyWithoutCalling: true },
    });
    expect(outcome.problems).toEqual([
      'with every secret credential wrong: resolved instead of throwing a "authentication" carrier error',
    ]);
  });

  it('fails an adapter that cannot tell accepted credentials from an unknown parcel', async () => {
    const outcome = await runCheck(verifyCredentialsCheck, {
      quirks: { verifyRefusesNotFound: true },
    });
    expect(outcome.problems).toEqual([
      `with the suite's credentials: threw a "not-found" carrier error (acme answered HTTP 404 (HTTP_404): conformance fault: HTTP 404) instead of resolving`,
    ]);
  });

  it('fails an adapter that calls refused credentials retryable', async () => {
    const outcome = await runCheck(verifyCredentialsCheck, {
      quirks: { everythingRetryable: true },
    });
    expect(outcome.problems).toContain(
      'with every secret credential wrong: threw a "retryable" carrier error, expected "authentication" (acme answered 401)',
    );
  });

  it('skips the wrong credentials, with the reason, where fixtures accept any', async () => {
    const outcome = await runCheck(verifyCredentialsCheck, {
      environment: createMswEnvironment({ baseUrl: ACME_BASE_URL, fixtures: acmeFixtures }),
    });
    expect(outcome.problems).toEqual([]);
    expect(outcome.skipped).toEqual([
      'wrong credentials: the msw environment cannot stage "wrongCredentials"',
    ]);
  });
});

describe('wrongCredentials', () => {
  it('prefixes every secret the adapter declares, and nothing else', () => {
    const harness = createConformanceHarness({
      carrier: createAcmeCarrier(),
      credentials: ACME_CREDENTIALS,
      documentedStatusCodes: [],
      environment: createMswEnvironment({ baseUrl: ACME_BASE_URL, fixtures: acmeFixtures }),
    });
    expect(wrongCredentials(harness)).toEqual({
      apiKey: `wrong-${ACME_CREDENTIALS.apiKey}`,
      accountId: ACME_CREDENTIALS.accountId,
    });
  });

  it('gives up when no secret has a value', () => {
    const harness = createConformanceHarness({
      carrier: createAcmeCarrier(),
      credentials: { accountId: 'ACCT-1' },
      documentedStatusCodes: [],
      environment: createMswEnvironment({ baseUrl: ACME_BASE_URL, fixtures: acmeFixtures }),
    });
    expect(wrongCredentials(harness)).toBeUndefined();
  });
});
