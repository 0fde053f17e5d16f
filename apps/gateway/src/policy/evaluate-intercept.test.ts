import type { CarrierCapabilities } from '@parcelgate/carrier-kit';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from './defaults.ts';
import { evaluateIntercept, type InterceptEvaluationInput } from './evaluate-intercept.ts';
import type { TenantPolicyOverrides } from './policy-types.ts';
import { resolveEffectivePolicy } from './resolve-policy.ts';

/** A carrier that accepts exactly the domain defaults. */
const DOMAIN_CARRIER = {
  intercept: {
    ...DEFAULT_POLICY.intercept,
    fees: { kind: 'by_pickup_mode' },
    outcome: 'synchronous',
    safeToRetry: false,
  },
  proofOfDelivery: false,
  callbacks: false,
} as const satisfies CarrierCapabilities;

function policyFor(overrides?: TenantPolicyOverrides) {
  return resolveEffectivePolicy(DEFAULT_POLICY, overrides, DOMAIN_CARRIER).intercept;
}

function evaluate(input: Partial<InterceptEvaluationInput>) {
  return evaluateIntercept({
    status: 'in_transit',
    pickupMode: 'platform_pickup',
    reason: 'buyer_cancelled',
    policy: policyFor(),
    activeIntercept: false,
    ...input,
  });
}

const codes = (result: { reasons: { code: string }[] }) => result.reasons.map((r) => r.code);
const warningCodes = (result: { warnings: { code: string }[] }) =>
  result.warnings.map((w) => w.code);

describe('evaluateIntercept', () => {
  it('answers an ordinary parcel in transit: eligible, high, carrier pays, refund next', () => {
    const parcel = { declaredValue: { amount: '129.00', currency: 'CNY' }, category: 'apparel' };
    expect(evaluate({ parcel })).toEqual({
      eligible: true,
      likelihood: 'high',
      reasons: [],
      warnings: [],
      fee: {
        payer: 'carrier',
        note: 'returned free by the pickup driver along the original route',
      },
      nextActions: ['refund_buyer'],
    });
  });

  it.each([
    ['label_created', 'not_picked_up', ['cancel_shipment']],
    ['out_for_delivery', 'out_for_delivery', ['ask_buyer_to_refuse_delivery']],
    ['delivery_attempted', 'out_for_delivery', ['ask_buyer_to_refuse_delivery']],
    ['available_for_pickup', 'out_for_delivery', ['ask_buyer_to_refuse_delivery']],
    ['delivered', 'delivered', ['file_return']],
    ['return_in_transit', 'returning_or_returned', ['refund_buyer']],
    ['returned', 'returning_or_returned', ['refund_buyer']],
    ['cancelled', 'cancelled', ['refund_buyer']],
    ['unknown', 'status_unknown', []],
  ] as const)('refuses %s with %s', (status, code, nextActions) => {
    const result = evaluate({ status });
    expect(result).toMatchObject({ eligible: false, likelihood: 'none', nextActions });
    expect(codes(result)).toEqual([code]);
  });

  it('warns that the last-mile station rarely succeeds, and in exception too', () => {
    const station = evaluate({ status: 'at_destination_facility' });
    expect(station).toMatchObject({ eligible: true, likelihood: 'low' });
    expect(warningCodes(station)).toEqual(['last_mile_low_success']);
    expect(station.warnings[0]?.message).toContain('at_destination_facility');
    const damaged = evaluate({ status: 'exception', subStatus: 'damaged' });
    expect(damaged.likelihood).toBe('low');
    expect(damaged.warnings[0]?.message).toContain('exception (damaged)');
  });

  it('refuses a status the tenant left out of the window', () => {
    const narrowed = policyFor({ intercept: { window: { highLikelihood: ['in_transit'] } } });
    const result = evaluate({ status: 'picked_up', policy: narrowed });
    expect(codes(result)).toEqual(['outside_intercept_window']);
    expect(result.nextActions).toEqual(['ask_buyer_to_refuse_delivery', 'file_return']);
  });

  it('refuses excluded categories, case-insensitively, and accepts any other', () => {
    for (const category of ['fresh_food', 'Jewelry', ' tea ']) {
      expect(codes(evaluate({ parcel: { category } })), category).toEqual(['category_excluded']);
    }
    expect(evaluate({ parcel: { category: 'batteries' } }).eligible).toBe(true);
    const policy = policyFor({ intercept: { excludedCategories: ['Batteries'] } });
    expect(codes(evaluate({ policy, parcel: { category: 'batteries' } }))).toEqual([
      'category_excluded',
    ]);
    expect(evaluate({ parcel: {} }).eligible).toBe(true);
  });

  it('judges the declared value exactly: 1000.00 CNY passes, 1000.01 does not', () => {
    const at = evaluate({ parcel: { declaredValue: { amount: '1000.00', currency: 'CNY' } } });
    expect(at.eligible).toBe(true);
    const over = evaluate({ parcel: { declaredValue: { amount: '1000.01', currency: 'CNY' } } });
    expect(codes(over)).toEqual(['declared_value_over_limit']);
  });

  it('reports a value in a currency without a limit as unchecked, unless a rate is set', () => {
    const usd = (amount: string) => ({ declaredValue: { amount, currency: 'USD' } });
    const unchecked = evaluate({ parcel: usd('150.00') });
    expect(unchecked.eligible).toBe(true);
    expect(warningCodes(unchecked)).toEqual(['declared_value_unchecked']);

    const policy = policyFor({ intercept: { exchangeRates: { 'USD/CNY': '7.10' } } });
    const over = evaluate({ parcel: usd('150.00'), policy });
    expect(codes(over)).toEqual(['declared_value_over_limit']);
    expect(over.reasons[0]?.message).toContain('1065.00 CNY at the configured rate USD/CNY 7.10');
    expect(over.warnings).toEqual([]);
    expect(evaluate({ parcel: usd('100.00'), policy })).toMatchObject({
      eligible: true,
      warnings: [],
    });
  });

  it('refuses while another intercept of the parcel is under way', () => {
    const result = evaluate({ activeIntercept: true });
    expect(codes(result)).toEqual(['already_intercepted']);
    expect(result.nextActions).toEqual(['await_carrier_outcome']);
  });

  it('refuses at a carrier without an intercept API, still naming status facts', () => {
    expect(codes(evaluate({ policy: undefined }))).toEqual(['operation_not_supported']);
    const delivered = evaluate({
      policy: undefined,
      status: 'delivered',
      parcel: { category: 'tea' },
    });
    expect(codes(delivered)).toEqual(['operation_not_supported', 'delivered']);
  });

  it('reports every reason, not the first', () => {
    const result = evaluate({
      status: 'out_for_delivery',
      parcel: { category: 'antiques', declaredValue: { amount: '5000.00', currency: 'CNY' } },
      activeIntercept: true,
    });
    expect(codes(result)).toEqual([
      'out_for_delivery',
      'already_intercepted',
      'category_excluded',
      'declared_value_over_limit',
    ]);
    expect(result.likelihood).toBe('none');
    expect(result.nextActions).toEqual(['ask_buyer_to_refuse_delivery']);
  });

  it('keeps warnings beside blocking reasons', () => {
    const result = evaluate({
      status: 'at_destination_facility',
      parcel: { category: 'tea', declaredValue: { amount: '10.00', currency: 'EUR' } },
    });
    expect(codes(result)).toEqual(['category_excluded']);
    expect(warningCodes(result)).toEqual(['last_mile_low_success', 'declared_value_unchecked']);
    expect(result.likelihood).toBe('none');
  });

  it('says who pays by pickup mode and carrier fee policy', () => {
    expect(evaluate({ pickupMode: 'self_dropoff' }).fee).toMatchObject({ payer: 'merchant' });
    expect(evaluate({ feePolicy: { kind: 'carrier_quote' } }).fee).toMatchObject({
      payer: 'merchant',
      quoteRequired: true,
    });
    expect(evaluate({ status: 'delivered', feePolicy: { kind: 'free' } }).fee.payer).toBe(
      'carrier',
    );
  });

  it('suggests what follows success by intercept reason', () => {
    expect(evaluate({ reason: 'merchant_error' }).nextActions).toEqual(['reship']);
    expect(evaluate({ reason: 'address_error' }).nextActions).toEqual([
      'redirect_parcel',
      'reship',
    ]);
  });
});
