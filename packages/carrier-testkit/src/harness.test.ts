import { isCarrierErrorOfKind } from '@parcelgate/carrier-kit';
import { describe, expect, it } from 'vitest';
import { ACME_CREDENTIALS, createAcmeCarrier } from './__fixtures__/acme-carrier.ts';
import { ACME_BASE_URL, acmeFixtures } from './__fixtures__/acme-fixtures.ts';
import { createMswEnvironment } from './environments/msw-environment.ts';
import { createConformanceHarness, settle } from './harness.ts';
import { sampleRequests } from './sample-requests.ts';

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

  it('sends the carrier’s sample overrides', async () => {
    const redirected: string[] = [];
    const acme = createAcmeCarrier();
    const address = { ...sampleRequests.address, city: 'Baldwin', region: 'MD', country: 'US' };
    const harness = createConformanceHarness({
      carrier: {
        ...acme,
        redirect: async (_ctx, request) => {
          redirected.push(`${request.reference} ${request.newAddress.country}`);
          return { outcome: 'accepted' };
        },
      },
      credentials: ACME_CREDENTIALS,
      documentedStatusCodes: [],
      environment: createMswEnvironment({ baseUrl: ACME_BASE_URL, fixtures: acmeFixtures }),
      samples: { address },
    });
    await harness.invoke('redirect', harness.createContext(), 'ACM1');
    expect(redirected).toEqual(['rdr_conformance_1 US']);
    expect(harness.samples.address).toBe(address);
  });

  it('serves every host the carrier declares from the environment’s base URL', async () => {
    const acme = createAcmeCarrier();
    const harness = createConformanceHarness({
      carrier: {
        ...acme,
        endpoints: {
          production: 'https://api.acme.example',
          hosts: { label: { production: 'https://label.acme.example' } },
        },
      },
      credentials: ACME_CREDENTIALS,
      documentedStatusCodes: [],
      environment: createMswEnvironment({ baseUrl: ACME_BASE_URL, fixtures: acmeFixtures }),
    });
    const context = harness.createContext({ baseUrl: await harness.refusedBaseUrl() });
    // Refused on the local port: the named host followed the base URL, not production.
    await expect(
      context.http.request({ method: 'GET', host: 'label', path: '/x' }),
    ).rejects.toSatisfy((error) => isCarrierErrorOfKind(error, 'retryable') && !error.requestSent);
    await expect(context.http.request({ method: 'GET', host: 'www', path: '/x' })).rejects.toThrow(
      'declared hosts: label',
    );
  });
});
