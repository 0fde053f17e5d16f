import type { CarrierCapabilities } from '@parcelgate/carrier-kit';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from './defaults.ts';
import {
  applyOverrides,
  describeCarrierPolicy,
  describeTenantPolicy,
  resolveEffectivePolicy,
} from './resolve-policy.ts';

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
    // The tenant's lists and the carrier's own refusals stay apart: they answer differently.
    expect(intercept?.excludedCategories).toEqual(DEFAULT_POLICY.intercept.excludedCategories);
    expect(intercept?.declaredValueLimits).toEqual(DEFAULT_POLICY.intercept.declaredValueLimits);
    expect(intercept?.carrier).toEqual({
      window: CARRIER.intercept.window,
      excludedCategories: ['tea', 'batteries'],
      declaredValueLimits: CARRIER.intercept.declaredValueLimits,
    });
    expect(intercept?.severity).toEqual(DEFAULT_POLICY.intercept.severity);
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

  it('replaces a list given plainly whole, and keeps the rest', () => {
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

describe('list overrides merge', () => {
  it('adds and removes categories without dropping the default list', () => {
    const policy = applyOverrides(DEFAULT_POLICY, {
      intercept: { excludedCategories: { add: ['electronics'], remove: ['TEA', 'unlisted'] } },
    });
    expect(policy.intercept.excludedCategories).toEqual([
      ...DEFAULT_POLICY.intercept.excludedCategories.filter((category) => category !== 'tea'),
      'electronics',
    ]);
  });

  it('removes value limits by currency, and an added limit replaces its currency', () => {
    const policy = applyOverrides(DEFAULT_POLICY, {
      intercept: {
        declaredValueLimits: {
          add: [
            { amount: '500.00', currency: 'CNY' },
            { amount: '70.00', currency: 'USD' },
          ],
        },
      },
    });
    expect(policy.intercept.declaredValueLimits).toEqual([
      { amount: '500.00', currency: 'CNY' },
      { amount: '70.00', currency: 'USD' },
    ]);
    const none = applyOverrides(DEFAULT_POLICY, {
      intercept: { declaredValueLimits: { remove: ['CNY'] } },
    });
    expect(none.intercept.declaredValueLimits).toEqual([]);
  });

  it('edits window parts and the rate table the same way', () => {
    const policy = applyOverrides(DEFAULT_POLICY, {
      intercept: {
        window: { lowLikelihood: { remove: ['exception'], add: ['out_for_delivery'] } },
        exchangeRates: { add: { 'USD/CNY': '7.10', 'EUR/CNY': '7.70' } },
      },
      redirect: { window: { highLikelihood: { remove: ['picked_up'] } } },
    });
    expect(policy.intercept.window).toEqual({
      highLikelihood: ['picked_up', 'in_transit'],
      lowLikelihood: ['at_destination_facility', 'out_for_delivery'],
    });
    expect(policy.redirect.window.highLikelihood).toEqual(['in_transit']);
    const fewer = applyOverrides(policy, { intercept: { exchangeRates: { remove: ['USD/CNY'] } } });
    expect(fewer.intercept.exchangeRates).toEqual({ 'EUR/CNY': '7.70' });
    const replaced = applyOverrides(policy, {
      intercept: { exchangeRates: { 'JPY/CNY': '0.05' } },
    });
    expect(replaced.intercept.exchangeRates).toEqual({ 'JPY/CNY': '0.05' });
  });

  it('sets severities one rule at a time', () => {
    const policy = applyOverrides(DEFAULT_POLICY, {
      intercept: { severity: { excludedCategories: 'refuse' } },
      redirect: { severity: { lastMile: 'refuse' } },
    });
    expect(policy.intercept.severity).toEqual({
      ...DEFAULT_POLICY.intercept.severity,
      excludedCategories: 'refuse',
    });
    expect(policy.redirect.severity).toEqual({ statusWindow: 'refuse', lastMile: 'refuse' });
  });
});

describe('the defaults follow the guide', () => {
  it('refuse outside the window and under way; warn for categories, value and last mile', () => {
    expect(DEFAULT_POLICY.intercept.severity).toEqual({
      statusWindow: 'refuse',
      alreadyIntercepted: 'refuse',
      excludedCategories: 'warn',
      declaredValueLimits: 'warn',
      lastMile: 'warn',
    });
    expect(DEFAULT_POLICY.redirect.severity).toEqual({ statusWindow: 'refuse', lastMile: 'warn' });
  });
});

describe('sources', () => {
  it('are all default without overrides', () => {
    const { sources } = describeTenantPolicy(DEFAULT_POLICY, undefined);
    expect(new Set(Object.values(sources.intercept.excludedCategories))).toEqual(
      new Set(['default']),
    );
    expect(sources.intercept.declaredValueLimits).toEqual({ CNY: 'default' });
    expect(sources.intercept.window).toEqual({
      picked_up: 'default',
      in_transit: 'default',
      at_destination_facility: 'default',
      exception: 'default',
    });
    expect(sources.redirect).toMatchObject({ freePerOrder: 'default', whenFreeUsed: 'default' });
  });

  it("name the tenant's values, entry by entry", () => {
    const { sources } = describeTenantPolicy(DEFAULT_POLICY, {
      intercept: {
        excludedCategories: { add: ['electronics'], remove: ['tea'] },
        declaredValueLimits: { add: [{ amount: '500.00', currency: 'CNY' }] },
        exchangeRates: { 'USD/CNY': '7.10' },
        window: { lowLikelihood: ['exception'] },
        severity: { declaredValueLimits: 'refuse' },
      },
      redirect: { whenFreeUsed: 'refuse' },
    });
    expect(sources.intercept.excludedCategories).toMatchObject({
      electronics: 'tenant',
      jewelry: 'default',
    });
    expect(sources.intercept.excludedCategories).not.toHaveProperty('tea');
    expect(sources.intercept.declaredValueLimits).toEqual({ CNY: 'tenant' });
    expect(sources.intercept.exchangeRates).toEqual({ 'USD/CNY': 'tenant' });
    expect(sources.intercept.window).toEqual({
      picked_up: 'default',
      in_transit: 'default',
      exception: 'tenant',
    });
    expect(sources.intercept.severity).toMatchObject({
      declaredValueLimits: 'tenant',
      excludedCategories: 'default',
    });
    expect(sources.redirect).toMatchObject({ whenFreeUsed: 'tenant', freePerOrder: 'default' });
  });

  it('name the carrier where its value holds', () => {
    const described = describeCarrierPolicy(
      DEFAULT_POLICY,
      {
        intercept: {
          excludedCategories: { add: ['Batteries'] },
          declaredValueLimits: [
            { amount: '500', currency: 'CNY' },
            { amount: '200.00', currency: 'USD' },
            { amount: '90.00', currency: 'EUR' },
          ],
        },
        redirect: { freePerOrder: 3 },
      },
      CARRIER,
    );
    const intercept = described.intercept;
    expect(intercept?.policy.excludedCategories).toEqual([
      ...DEFAULT_POLICY.intercept.excludedCategories,
      'Batteries',
    ]);
    expect(intercept?.sources.excludedCategories).toMatchObject({
      tea: 'carrier',
      Batteries: 'carrier',
      jewelry: 'default',
    });
    // The stricter limit per currency, one-sided ones kept, each with its source.
    expect(intercept?.policy.declaredValueLimits).toEqual([
      { amount: '500', currency: 'CNY' },
      { amount: '150.00', currency: 'USD' },
      { amount: '90.00', currency: 'EUR' },
    ]);
    expect(intercept?.sources.declaredValueLimits).toEqual({
      CNY: 'tenant',
      USD: 'carrier',
      EUR: 'tenant',
    });
    expect(intercept?.policy.window).toEqual({
      highLikelihood: ['picked_up', 'in_transit'],
      lowLikelihood: ['at_destination_facility'],
    });
    expect(described.redirect?.policy.freePerOrder).toBe(2);
    expect(described.redirect?.sources).toMatchObject({
      freePerOrder: 'carrier',
      // high for the tenant, lowered by the carrier
      window: { in_transit: 'default', picked_up: 'carrier' },
    });
  });

  it('give a tie on a value limit to the carrier, whose own limit always refuses', () => {
    const sameLimit = {
      ...CARRIER,
      intercept: {
        ...CARRIER.intercept,
        declaredValueLimits: [{ amount: '1000', currency: 'CNY' }],
      },
    } as const satisfies CarrierCapabilities;
    const described = describeCarrierPolicy(DEFAULT_POLICY, undefined, sameLimit);
    expect(described.intercept?.sources.declaredValueLimits).toEqual({ CNY: 'carrier' });
  });

  it('leave out an operation the carrier lacks', () => {
    expect(
      describeCarrierPolicy(DEFAULT_POLICY, undefined, {
        proofOfDelivery: false,
        callbacks: false,
      }),
    ).toEqual({});
  });
});
