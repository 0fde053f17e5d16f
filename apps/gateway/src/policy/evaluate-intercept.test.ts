import type { CarrierCapabilities } from '@parcelgate/carrier-kit';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from './defaults.ts';
import { evaluateIntercept, type InterceptEvaluationInput } from './evaluate-intercept.ts';
import type { InterceptSeverities, TenantPolicyOverrides } from './policy-types.ts';
import { resolveEffectivePolicy } from './resolve-policy.ts';

const MUTATION = {
  fees: { kind: 'by_pickup_mode' },
  outcome: 'synchronous',
  safeToRetry: false,
} as const;

/**
 * A carrier that refuses nothing of its own and acts until the parcel is delivered, like
 * UPS on the delivery day: every answer comes from the tenant's policy.
 */
const OPEN_CARRIER = {
  intercept: {
    ...MUTATION,
    window: {
      highLikelihood: ['picked_up', 'in_transit'],
      lowLikelihood: ['at_destination_facility', 'exception', 'out_for_delivery'],
    },
    declaredValueLimits: [],
    excludedCategories: [],
  },
  proofOfDelivery: false,
  callbacks: false,
} as const satisfies CarrierCapabilities;

/** A carrier that refuses tea and parcels over 800 CNY itself, and never out for delivery. */
const STRICT_CARRIER = {
  intercept: {
    ...OPEN_CARRIER.intercept,
    window: DEFAULT_POLICY.intercept.window,
    declaredValueLimits: [{ amount: '800.00', currency: 'CNY' }],
    excludedCategories: ['Tea'],
  },
  proofOfDelivery: false,
  callbacks: false,
} as const satisfies CarrierCapabilities;

function policyFor(overrides?: TenantPolicyOverrides, carrier: CarrierCapabilities = OPEN_CARRIER) {
  return resolveEffectivePolicy(DEFAULT_POLICY, overrides, carrier).intercept;
}

/** The tenant's policy with one rule set to a severity. */
function withSeverity(
  rule: keyof Omit<InterceptSeverities, 'alreadyIntercepted'>,
  severity: 'refuse' | 'warn',
) {
  return policyFor({ intercept: { severity: { [rule]: severity } } });
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

  describe('the status window rule', () => {
    it('refuses by default a status the carrier acts on but the window leaves out', () => {
      const result = evaluate({ status: 'out_for_delivery' });
      expect(result).toMatchObject({ eligible: false, likelihood: 'none' });
      expect(codes(result)).toEqual(['out_for_delivery']);
    });

    it('only warns, lowering the likelihood, where the tenant says warn', () => {
      const policy = withSeverity('statusWindow', 'warn');
      const late = evaluate({ status: 'out_for_delivery', policy });
      expect(late).toMatchObject({ eligible: true, likelihood: 'low', reasons: [] });
      expect(warningCodes(late)).toEqual(['out_for_delivery']);
      const narrowed = policyFor({
        intercept: {
          window: { highLikelihood: { remove: ['picked_up'] } },
          severity: { statusWindow: 'warn' },
        },
      });
      const early = evaluate({ status: 'picked_up', policy: narrowed });
      expect(early).toMatchObject({ eligible: true, likelihood: 'low' });
      expect(warningCodes(early)).toEqual(['outside_intercept_window']);
    });

    it('still refuses what the carrier does not act on, and what the domain never allows', () => {
      const policy = resolveEffectivePolicy(
        DEFAULT_POLICY,
        { intercept: { severity: { statusWindow: 'warn' } } },
        STRICT_CARRIER,
      ).intercept;
      expect(codes(evaluate({ status: 'out_for_delivery', policy }))).toEqual(['out_for_delivery']);
      for (const status of ['label_created', 'delivered', 'returned', 'unknown'] as const) {
        const result = evaluate({ status, policy: withSeverity('statusWindow', 'warn') });
        expect(result.eligible, status).toBe(false);
        expect(result.warnings, status).toEqual([]);
      }
    });
  });

  describe('the last-mile rule', () => {
    it('warns by default', () => {
      const result = evaluate({ status: 'at_destination_facility' });
      expect(result).toMatchObject({ eligible: true, likelihood: 'low', reasons: [] });
      expect(warningCodes(result)).toEqual(['last_mile_low_success']);
    });

    it('refuses where the tenant says refuse', () => {
      const policy = withSeverity('lastMile', 'refuse');
      const result = evaluate({ status: 'at_destination_facility', policy });
      expect(result).toMatchObject({ eligible: false, likelihood: 'none', warnings: [] });
      expect(codes(result)).toEqual(['last_mile_low_success']);
      expect(result.nextActions).toEqual(['ask_buyer_to_refuse_delivery', 'file_return']);
      expect(evaluate({ status: 'in_transit', policy })).toMatchObject({ likelihood: 'high' });
    });
  });

  describe('the category rule', () => {
    it('warns by default, case-insensitively, and any other category is high', () => {
      for (const category of ['fresh_food', 'Jewelry', ' tea ']) {
        const result = evaluate({ parcel: { category } });
        expect(result, category).toMatchObject({ eligible: true, likelihood: 'low', reasons: [] });
        expect(warningCodes(result), category).toEqual(['category_excluded']);
      }
      expect(evaluate({ parcel: { category: 'batteries' } })).toMatchObject({
        likelihood: 'high',
        warnings: [],
      });
      expect(evaluate({ parcel: {} })).toMatchObject({ likelihood: 'high' });
    });

    it('refuses where the tenant says refuse, in the list as merged', () => {
      const policy = policyFor({
        intercept: {
          excludedCategories: { add: ['Batteries'], remove: ['TEA'] },
          severity: { excludedCategories: 'refuse' },
        },
      });
      expect(codes(evaluate({ policy, parcel: { category: 'batteries' } }))).toEqual([
        'category_excluded',
      ]);
      expect(codes(evaluate({ policy, parcel: { category: 'jewelry' } }))).toEqual([
        'category_excluded',
      ]);
      expect(evaluate({ policy, parcel: { category: 'tea' } })).toMatchObject({
        eligible: true,
        likelihood: 'high',
      });
    });

    it('refuses what the carrier itself excludes, even where the tenant only warns or removed it', () => {
      const policy = policyFor(
        { intercept: { excludedCategories: { remove: ['tea'] } } },
        STRICT_CARRIER,
      );
      const result = evaluate({ policy, parcel: { category: 'tea' } });
      expect(codes(result)).toEqual(['category_excluded']);
      expect(result.reasons[0]?.message).toContain('this carrier');
    });
  });

  describe('the declared value rule', () => {
    const cny = (amount: string) => ({ declaredValue: { amount, currency: 'CNY' } });

    it('warns by default above the limit, exactly: 1000.00 CNY is high, 1000.01 low', () => {
      expect(evaluate({ parcel: cny('1000.00') })).toMatchObject({
        likelihood: 'high',
        warnings: [],
      });
      const over = evaluate({ parcel: cny('1000.01') });
      expect(over).toMatchObject({ eligible: true, likelihood: 'low', reasons: [] });
      expect(warningCodes(over)).toEqual(['declared_value_over_limit']);
      expect(over.warnings[0]?.message).toContain('1000.01 CNY');
    });

    it('refuses where the tenant says refuse', () => {
      const over = evaluate({
        parcel: cny('1000.01'),
        policy: withSeverity('declaredValueLimits', 'refuse'),
      });
      expect(over).toMatchObject({ eligible: false, likelihood: 'none', warnings: [] });
      expect(codes(over)).toEqual(['declared_value_over_limit']);
    });

    it("refuses over the carrier's own limit, and warns over only the tenant's stricter one", () => {
      const policy = policyFor(
        { intercept: { declaredValueLimits: { add: [{ amount: '500.00', currency: 'CNY' }] } } },
        STRICT_CARRIER,
      );
      const overTenant = evaluate({ policy, parcel: cny('600.00') });
      expect(overTenant).toMatchObject({ eligible: true, likelihood: 'low' });
      expect(warningCodes(overTenant)).toEqual(['declared_value_over_limit']);
      const overCarrier = evaluate({ policy, parcel: cny('900.00') });
      expect(codes(overCarrier)).toEqual(['declared_value_over_limit']);
      expect(overCarrier.warnings).toEqual([]);
      expect(overCarrier.reasons[0]?.message).toContain('this carrier refuses');
    });
  });

  it('reports a value in a currency without a limit as unchecked, unless a rate is set', () => {
    const usd = (amount: string) => ({ declaredValue: { amount, currency: 'USD' } });
    const unchecked = evaluate({ parcel: usd('150.00') });
    expect(unchecked).toMatchObject({ eligible: true, likelihood: 'high' });
    expect(warningCodes(unchecked)).toEqual(['declared_value_unchecked']);

    const policy = policyFor({ intercept: { exchangeRates: { add: { 'USD/CNY': '7.10' } } } });
    const over = evaluate({ parcel: usd('150.00'), policy });
    expect(warningCodes(over)).toEqual(['declared_value_over_limit']);
    expect(over.warnings[0]?.message).toContain('1065.00 CNY at the configured rate USD/CNY 7.10');
    expect(evaluate({ parcel: usd('100.00'), policy })).toMatchObject({
      eligible: true,
      likelihood: 'high',
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
      policy: policyFor({
        intercept: { severity: { excludedCategories: 'refuse', declaredValueLimits: 'refuse' } },
      }),
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
      activeIntercept: true,
    });
    expect(codes(result)).toEqual(['already_intercepted']);
    expect(warningCodes(result)).toEqual([
      'last_mile_low_success',
      'category_excluded',
      'declared_value_unchecked',
    ]);
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
