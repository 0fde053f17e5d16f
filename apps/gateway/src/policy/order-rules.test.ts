import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from './default-rules.ts';
import { matchRule, type OrderRule, type ParcelFacts } from './order-rules.ts';

const inTransit: ParcelFacts = {
  eventType: 'refund_requested',
  carrier: 'sandbox',
  status: 'in_transit',
  inWindow: { intercept: true, redirect: true },
  declaredValue: { amount: '129.00', currency: 'CNY' },
  category: 'apparel',
  pickupMode: 'platform_pickup',
  orderTags: ['vip'],
};

const rule = (
  when: Partial<OrderRule['when']>,
  action: OrderRule['do'] = 'intercept',
): OrderRule => ({
  id: 'rul_test',
  name: 'test',
  enabled: true,
  when: { eventTypes: ['refund_requested'], ...when },
  do: action,
});

describe('the default rule set', () => {
  it('intercepts a refund or cancellation for a parcel in the intercept window', () => {
    expect(matchRule(DEFAULT_RULES, inTransit)?.do).toBe('intercept');
    expect(
      matchRule(DEFAULT_RULES, { ...inTransit, eventType: 'cancellation_requested' })?.do,
    ).toBe('intercept');
  });

  it('starts nothing for a parcel out of the window, or whose status is unknown', () => {
    const delivered = {
      ...inTransit,
      status: 'delivered',
      inWindow: { intercept: false, redirect: false },
    } as const;
    expect(matchRule(DEFAULT_RULES, delivered)).toBeUndefined();
    expect(matchRule(DEFAULT_RULES, { ...inTransit, status: undefined })).toBeUndefined();
  });

  it('redirects an address change in the redirect window', () => {
    expect(
      matchRule(DEFAULT_RULES, { ...inTransit, eventType: 'address_change_requested' })?.do,
    ).toBe('redirect');
  });

  it('only records returns and damage reports', () => {
    for (const eventType of ['return_requested', 'damage_reported'] as const) {
      expect(matchRule(DEFAULT_RULES, { ...inTransit, eventType, status: 'delivered' })?.do).toBe(
        'notify',
      );
    }
  });
});

describe('matchRule', () => {
  it('takes the first enabled rule that matches, in order', () => {
    const rules = [
      { ...rule({}, 'notify'), id: 'first', enabled: false },
      { ...rule({ carriers: ['ups'] }), id: 'second' },
      { ...rule({}, 'notify'), id: 'third' },
      { ...rule({}), id: 'fourth' },
    ];
    expect(matchRule(rules, inTransit)?.id).toBe('third');
  });

  it('checks the event type, carrier, statuses and pickup mode', () => {
    expect(matchRule([rule({ eventTypes: ['damage_reported'] })], inTransit)).toBeUndefined();
    expect(matchRule([rule({ carriers: ['sandbox'] })], inTransit)).toBeDefined();
    expect(matchRule([rule({ parcelStatus: { in: ['picked_up'] } })], inTransit)).toBeUndefined();
    expect(matchRule([rule({ parcelStatus: { in: ['in_transit'] } })], inTransit)).toBeDefined();
    expect(matchRule([rule({ pickupModes: ['self_dropoff'] })], inTransit)).toBeUndefined();
  });

  it('compares declared values as decimals, in the condition’s currency only', () => {
    const cheap = rule({ declaredValue: { currency: 'CNY', atMost: '1000' } });
    expect(matchRule([cheap], inTransit)).toBeDefined();
    expect(
      matchRule([cheap], { ...inTransit, declaredValue: { amount: '1000.01', currency: 'CNY' } }),
    ).toBeUndefined();
    expect(
      matchRule([cheap], { ...inTransit, declaredValue: { amount: '10.00', currency: 'USD' } }),
    ).toBeUndefined();
    expect(matchRule([cheap], { ...inTransit, declaredValue: undefined })).toBeUndefined();
    const dear = rule({ declaredValue: { currency: 'CNY', atLeast: '129' } });
    expect(matchRule([dear], inTransit)).toBeDefined();
  });

  it('checks categories and order tags', () => {
    expect(matchRule([rule({ categories: { notIn: ['fresh_food'] } })], inTransit)).toBeDefined();
    expect(matchRule([rule({ categories: { in: ['fresh_food'] } })], inTransit)).toBeUndefined();
    expect(
      matchRule([rule({ categories: { in: ['apparel'] } })], { ...inTransit, category: undefined }),
    ).toBeUndefined();
    expect(matchRule([rule({ orderTags: { any: ['vip', 'gold'] } })], inTransit)).toBeDefined();
    expect(matchRule([rule({ orderTags: { none: ['vip'] } })], inTransit)).toBeUndefined();
  });
});
