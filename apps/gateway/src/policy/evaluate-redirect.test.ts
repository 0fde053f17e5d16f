import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from './defaults.ts';
import { evaluateRedirect, type RedirectEvaluationInput } from './evaluate-redirect.ts';

/** The default redirect rules at a carrier whose window is the domain's. */
const POLICY = { ...DEFAULT_POLICY.redirect, carrierWindow: DEFAULT_POLICY.redirect.window };

function evaluate(input: Partial<RedirectEvaluationInput>) {
  return evaluateRedirect({
    status: 'in_transit',
    policy: POLICY,
    redirectsUsedForOrder: 0,
    ...input,
  });
}

const codes = (result: { reasons: { code: string }[] }) => result.reasons.map((r) => r.code);

describe('evaluateRedirect', () => {
  it('lets the platform pay the first redirect of an order', () => {
    expect(evaluate({})).toEqual({
      eligible: true,
      likelihood: 'high',
      reasons: [],
      warnings: [],
      fee: { payer: 'platform', note: 'the platform pays for one redirect per order' },
      nextActions: [],
    });
  });

  it('charges the merchant once the free redirect is used', () => {
    const result = evaluate({ redirectsUsedForOrder: 1, feePolicy: { kind: 'carrier_quote' } });
    expect(result).toMatchObject({ eligible: true, likelihood: 'high', reasons: [] });
    expect(result.warnings).toEqual([
      {
        code: 'free_redirect_used',
        message:
          'the platform pays for 1 redirect(s) per order and this order has had 1: this redirect is charged to the merchant',
      },
    ]);
    expect(result.fee).toMatchObject({ payer: 'merchant', quoteRequired: true });
    const flat = { kind: 'flat', amount: { amount: '8.00', currency: 'CNY' } } as const;
    expect(evaluate({ redirectsUsedForOrder: 3, feePolicy: flat }).fee).toMatchObject({
      payer: 'merchant',
      amount: flat.amount,
    });
  });

  it('refuses once the free redirect is used where the tenant says so', () => {
    const policy = { ...POLICY, whenFreeUsed: 'refuse' } as const;
    const result = evaluate({ policy, redirectsUsedForOrder: 1 });
    expect(result).toMatchObject({ eligible: false, likelihood: 'none', warnings: [] });
    expect(codes(result)).toEqual(['free_redirect_used']);
    expect(result.reasons[0]?.message).toContain('refuses paid redirects');
    expect(evaluate({ policy, redirectsUsedForOrder: 0 }).eligible).toBe(true);
  });

  it('has no free redirect when the effective quota is zero', () => {
    const result = evaluate({ policy: { ...POLICY, freePerOrder: 0 } });
    expect(result.warnings.map((w) => w.code)).toEqual(['free_redirect_used']);
    expect(result.fee.payer).toBe('merchant');
  });

  it.each([
    ['label_created', 'not_picked_up'],
    ['out_for_delivery', 'out_for_delivery'],
    ['delivered', 'delivered'],
    ['returned', 'returning_or_returned'],
    ['cancelled', 'cancelled'],
    ['unknown', 'status_unknown'],
  ] as const)('refuses %s with %s', (status, code) => {
    expect(codes(evaluate({ status }))).toEqual([code]);
  });

  it('refuses a status outside a narrowed window, and warns in the low part', () => {
    const policy = {
      ...POLICY,
      window: { highLikelihood: ['in_transit'], lowLikelihood: ['exception'] },
    } as const;
    expect(codes(evaluate({ policy, status: 'picked_up' }))).toEqual(['outside_redirect_window']);
    const low = evaluate({ policy, status: 'exception', subStatus: 'address_issue' });
    expect(low).toMatchObject({ eligible: true, likelihood: 'low' });
    expect(low.warnings[0]?.message).toContain('exception (address_issue)');
  });

  it('warns outside a narrowed window, and refuses in the low part, where the tenant says so', () => {
    const policy = {
      ...POLICY,
      window: { highLikelihood: ['in_transit'], lowLikelihood: ['exception'] },
      severity: { statusWindow: 'warn', lastMile: 'refuse' },
    } as const;
    const early = evaluate({ policy, status: 'picked_up' });
    expect(early).toMatchObject({ eligible: true, likelihood: 'low', reasons: [] });
    expect(early.warnings.map((w) => w.code)).toEqual(['outside_redirect_window']);
    const low = evaluate({ policy, status: 'exception', subStatus: 'held' });
    expect(low).toMatchObject({ eligible: false, warnings: [] });
    expect(codes(low)).toEqual(['last_mile_low_success']);
    // The carrier's window still bounds the tenant: out for delivery stays refused.
    expect(codes(evaluate({ policy, status: 'out_for_delivery' }))).toEqual(['out_for_delivery']);
  });

  it('keeps the likelihood high when only the charged redirect is noted', () => {
    expect(evaluate({ redirectsUsedForOrder: 1 }).likelihood).toBe('high');
  });

  it('refuses at a carrier without a redirect API, still answering the fee', () => {
    const result = evaluate({ policy: undefined });
    expect(codes(result)).toEqual(['operation_not_supported']);
    expect(result.warnings).toEqual([]);
    expect(result.fee.payer).toBe('platform');
    expect(evaluate({ policy: undefined, redirectsUsedForOrder: 1 }).fee.payer).toBe('merchant');
  });

  it('reports every reason and suggests what to do instead', () => {
    const policy = { ...POLICY, whenFreeUsed: 'refuse' } as const;
    const result = evaluate({ policy, status: 'out_for_delivery', redirectsUsedForOrder: 2 });
    expect(codes(result)).toEqual(['out_for_delivery', 'free_redirect_used']);
    expect(result.nextActions).toEqual(['ask_buyer_to_refuse_delivery']);
    expect(evaluate({ status: 'returned' }).nextActions).toEqual(['reship']);
  });
});
