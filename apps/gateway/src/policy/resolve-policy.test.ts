import type { CarrierCapabilities } from '@parcelgate/carrier-kit';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from './defaults.ts';
import { applyOverrides, resolveEffectivePolicy } from './resolve-policy.ts';

const ACTION_CAPABILITY = {
  fees: { kind: 'by_pickup_mode' },
  outcome: 'synchronous',
  safeToRetry: false,
} as const;

/** A carrier like the sandbox: the domain window without exceptions, 800 CNY, 2 free redirects. */
const CARRIER = {
  intercept: {
    ...ACTION_CAPABILITY,
    window: {
      highLikelihood: ['picked_up', 'in_transit'],
      lowLikelihood: ['at_destination_facility', 'out_for_delivery'],
    },
    declaredValueLimits: [
      { amount: '800.00', currency: 'CNY' },
      { amount: '150.00', currency: 'USD' },
    ],
    excludedCategories: ['tea', 'batteries'],
  },
  redirect: {
    ...ACTION_CAPABILITY,
    window: { highLikelihood: ['in_transit'], lowLikelihood: ['picked_up'] },
    freePerOrder: 2,
  },
  proofOfDelivery: false,
  callbacks: false,
} as const satisfies CarrierCapabilities;

describe('resolveEffectivePolicy', () => {
  it('bounds the defaults by the carrier', () => {
    const { intercept, redirect } = resolveEffectivePolicy(DEFAULT_POLICY, undefined, CARRIER);
    expect(intercept?.window).toEqual({
      highLikelihood: ['picked_up', 'in_transit'],
      // exception: not accepted by the carrier; out_for_delivery: not by the tenant.
      lowLikelihood: ['at_destination_facility'],
    });
    expect(intercept?.excludedCategories).toEqual([
      ...DEFAULT_POLICY.intercept.excludedCategories,
      'batteries',
    ]);
    expect(intercept?.declaredValueLimits).toEqual([
      { amount: '800.00', currency: 'CNY' },
      { amount: '150.00', currency: 'USD' },
    ]);
    // high for the tenant but low for the carrier is low
    expect(redirect?.window).toEqual({
      highLikelihood: ['in_transit'],
      lowLikelihood: ['picked_up'],
    });
    expect(redirect?.freePerOrder).toBe(1);
    expect(redirect?.whenFreeUsed).toBe('charge');
  });

  it('does not let a tenant widen the carrier window, and keeps low for the tenant low', () => {
    const { intercept } = resolveEffectivePolicy(
      DEFAULT_POLICY,
      {
        intercept: {
          window: {
            highLikelihood: ['in_transit', 'exception', 'delivery_attempted', 'out_for_delivery'],
            lowLikelihood: ['picked_up'],
          },
        },
      },
      CARRIER,
    );
    expect(intercept?.window).toEqual({
      highLikelihood: ['in_transit'],
      lowLikelihood: ['picked_up', 'out_for_delivery'],
    });
  });

  it('takes the stricter value limit per currency and keeps one-sided ones', () => {
    const { intercept } = resolveEffectivePolicy(
      DEFAULT_POLICY,
      {
        intercept: {
          declaredValueLimits: [
            { amount: '500', currency: 'CNY' },
            { amount: '200.00', currency: 'USD' },
            { amount: '90.00', currency: 'EUR' },
          ],
          exchangeRates: { 'USD/CNY': '7.10' },
        },
      },
      CARRIER,
    );
    expect(intercept?.declaredValueLimits).toEqual([
      { amount: '500', currency: 'CNY' },
      { amount: '150.00', currency: 'USD' },
      { amount: '90.00', currency: 'EUR' },
    ]);
    expect(intercept?.exchangeRates).toEqual({ 'USD/CNY': '7.10' });
  });

  it('takes the fewer free redirects and the tenant choice beyond them', () => {
    const tenant = { redirect: { freePerOrder: 3, whenFreeUsed: 'refuse' } } as const;
    const { redirect } = resolveEffectivePolicy(DEFAULT_POLICY, tenant, CARRIER);
    expect(redirect).toMatchObject({ freePerOrder: 2, whenFreeUsed: 'refuse' });
    const none = resolveEffectivePolicy(DEFAULT_POLICY, { redirect: { freePerOrder: 0 } }, CARRIER);
    expect(none.redirect?.freePerOrder).toBe(0);
  });

  it('leaves an operation the carrier lacks unsupported', () => {
    const trackOnly = { proofOfDelivery: false, callbacks: false } as const;
    expect(resolveEffectivePolicy(DEFAULT_POLICY, undefined, trackOnly)).toEqual({
      intercept: undefined,
      redirect: undefined,
    });
    const interceptOnly = { ...trackOnly, intercept: CARRIER.intercept };
    const effective = resolveEffectivePolicy(DEFAULT_POLICY, undefined, interceptOnly);
    expect(effective.intercept).toBeDefined();
    expect(effective.redirect).toBeUndefined();
  });

  it('drops statuses the domain never allows, even when both sides list them', () => {
    const sloppy = {
      ...CARRIER,
      intercept: {
        ...CARRIER.intercept,
        window: { highLikelihood: ['in_transit', 'delivered', 'unknown'], lowLikelihood: [] },
      },
    } as const satisfies CarrierCapabilities;
    const overrides = {
      intercept: { window: { highLikelihood: ['in_transit', 'delivered', 'unknown'] } },
    } as const;
    const { intercept } = resolveEffectivePolicy(DEFAULT_POLICY, overrides, sloppy);
    expect(intercept?.window).toEqual({ highLikelihood: ['in_transit'], lowLikelihood: [] });
  });
});

describe('applyOverrides', () => {
  it('returns the defaults when nothing is overridden', () => {
    expect(applyOverrides(DEFAULT_POLICY, undefined)).toEqual(DEFAULT_POLICY);
    expect(applyOverrides(DEFAULT_POLICY, {})).toEqual(DEFAULT_POLICY);
  });

  it('replaces a given field whole and keeps the rest', () => {
    const policy = applyOverrides(DEFAULT_POLICY, {
      intercept: { excludedCategories: ['tea'], window: { lowLikelihood: [] } },
      redirect: { whenFreeUsed: 'refuse' },
    });
    expect(policy.intercept.excludedCategories).toEqual(['tea']);
    expect(policy.intercept.window).toEqual({
      highLikelihood: ['picked_up', 'in_transit'],
      lowLikelihood: [],
    });
    expect(policy.intercept.declaredValueLimits).toEqual(
      DEFAULT_POLICY.intercept.declaredValueLimits,
    );
    expect(policy.redirect).toEqual({ ...DEFAULT_POLICY.redirect, whenFreeUsed: 'refuse' });
  });
});
