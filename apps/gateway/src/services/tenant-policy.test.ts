import type { CarrierCapabilities } from '@parcelgate/carrier-kit';
import { describe, expect, it } from 'vitest';
import { effectivePolicyFor, presentTenantPolicy } from './tenant-policy.ts';

/** A carrier that refuses tea itself and redirects nothing. */
const CARRIER = {
  intercept: {
    window: { highLikelihood: ['picked_up', 'in_transit'], lowLikelihood: [] },
    fees: { kind: 'by_pickup_mode' },
    outcome: 'synchronous',
    safeToRetry: false,
    declaredValueLimits: [],
    excludedCategories: ['tea'],
  },
  proofOfDelivery: false,
  callbacks: false,
} as const satisfies CarrierCapabilities;

const tenant = (policy: unknown) => ({ id: 'tnt_1', name: 'Acme', policy });

describe('presentTenantPolicy', () => {
  it('answers the overrides, the effective rules and their sources', () => {
    const overrides = { intercept: { excludedCategories: { add: ['electronics'] } } };
    const document = presentTenantPolicy(tenant(overrides));
    expect(document.overrides).toEqual(overrides);
    expect(document.effective.intercept.excludedCategories).toContain('electronics');
    expect(document.sources.intercept.excludedCategories).toMatchObject({
      electronics: 'tenant',
      tea: 'default',
    });
    expect(document.atCarrier).toBeUndefined();
  });

  it('adds the rules at a carrier, without the operation it lacks', () => {
    const overrides = { intercept: { excludedCategories: { remove: ['tea'] } } };
    const document = presentTenantPolicy(tenant(overrides), {
      id: 'acme',
      capabilities: CARRIER,
    });
    expect(document.atCarrier?.carrier).toBe('acme');
    expect(document.atCarrier?.effective.redirect).toBeUndefined();
    expect(document.atCarrier?.sources.intercept?.excludedCategories.tea).toBe('carrier');
    expect(document.atCarrier?.effective.intercept?.window).toEqual({
      highLikelihood: ['picked_up', 'in_transit'],
      lowLikelihood: [],
    });
  });
});

describe('effectivePolicyFor', () => {
  it("keeps the carrier's own refusals beside the tenant's rules", () => {
    const policy = effectivePolicyFor(tenant({}), CARRIER);
    expect(policy.intercept?.carrier.excludedCategories).toEqual(['tea']);
    expect(policy.intercept?.severity.excludedCategories).toBe('warn');
    expect(policy.redirect).toBeUndefined();
  });
});
