import { describe, expect, it } from 'vitest';
import { ACME_CREDENTIALS, createAcmeCarrier } from './__fixtures__/acme-carrier.ts';
import { ACME_BASE_URL, acmeFixtures } from './__fixtures__/acme-fixtures.ts';
import { createMswEnvironment } from './environments/msw-environment.ts';
import { createConformanceHarness, settle } from './harness.ts';

describe('settle', () => {
  it('tells fulfilled, rejected and too slow apart, never rejecting', async () => {
    expect(await settle(Promise.resolve(1), 100)).toMatchObject({ status: 'fulfilled', value: 1 });
    const error = new Error('no');
    expect(await settle(Promise.reject(error), 100)).toMatchObject({
      status: 'rejected',
      reason: error,
    });
    const slow = await settle(new Promise(() => {}), 20);
    expect(slow.status).toBe('timed-out');
    expect(slow.durationMs).toBeGreaterThanOrEqual(19);
  });
});

describe('createConformanceHarness', () => {
  it('cuts off an operation at timeoutMs and reports it as timed out', async () => {
    const acme = createAcmeCarrier();
    const harness = createConformanceHarness({
      carrier: acme,
      credentials: ACME_CREDENTIALS,
      documentedStatusCodes: [],
      environment: createMswEnvironment({ baseUrl: ACME_BASE_URL, fixtures: acmeFixtures }),
      timeoutMs: 50,
    });
    await harness.start();
    try {
      const attempt = await harness.attempt('track', { fault: { type: 'hang' } });
      expect(attempt.settlement.status).toBe('timed-out');
      expect(harness.operations).toEqual(['track', 'intercept', 'redirect']);
      expect(harness.observed().logs.length).toBeGreaterThan(0);
    } finally {
      await harness.stop();
    }
  });

  it('gives every mutation a fresh reference', async () => {
    const references: string[] = [];
    const acme = createAcmeCarrier();
    const harness = createConformanceHarness({
      carrier: {
        ...acme,
        intercept: async (_ctx, request) => {
          references.push(request.reference);
          return { outcome: 'accepted' };
        },
      },
      credentials: ACME_CREDENTIALS,
      documentedStatusCodes: [],
      environment: createMswEnvironment({ baseUrl: ACME_BASE_URL, fixtures: acmeFixtures }),
    });
    const context = harness.createContext();
    await harness.invoke('intercept', context, 'ACM1');
    await harness.invoke('intercept', context, 'ACM1');
    expect(references).toEqual(['icp_conformance_1', 'icp_conformance_2']);
  });
});
