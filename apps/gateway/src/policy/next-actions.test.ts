import { CARRIER_REFUSAL_REASONS, INTERCEPT_REASONS } from '@parcelgate/carrier-kit';
import { describe, expect, it } from 'vitest';
import { INTERCEPT_LIFECYCLE_STATUSES, NEXT_ACTIONS, POLICY_REASON_CODES } from './codes.ts';
import { nextActionsFor, nextActionsForIntercept } from './next-actions.ts';

describe('nextActionsFor an eligible intercept', () => {
  it.each([
    ['buyer_cancelled', ['refund_buyer']],
    ['merchant_error', ['reship']],
    ['logistics_exception', ['reship', 'refund_buyer']],
    ['address_error', ['redirect_parcel', 'reship']],
    ['other', ['refund_buyer']],
  ] as const)('%s leads to %j', (reason, actions) => {
    expect(nextActionsFor({ kind: 'eligible', reason })).toEqual(actions);
  });
});

describe('nextActionsFor a blocked intercept', () => {
  const blocked = (...codes: (typeof POLICY_REASON_CODES)[number][]) =>
    nextActionsFor({ kind: 'not_eligible', reason: 'buyer_cancelled', codes });

  it.each([
    ['not_picked_up', ['cancel_shipment']],
    ['out_for_delivery', ['ask_buyer_to_refuse_delivery']],
    ['delivered', ['file_return']],
    ['returning_or_returned', ['refund_buyer']],
    ['cancelled', ['refund_buyer']],
    ['outside_intercept_window', ['ask_buyer_to_refuse_delivery', 'file_return']],
    ['outside_redirect_window', ['ask_buyer_to_refuse_delivery', 'file_return']],
    ['already_intercepted', ['await_carrier_outcome']],
    ['category_excluded', ['ask_buyer_to_refuse_delivery', 'file_return']],
    ['declared_value_over_limit', ['ask_buyer_to_refuse_delivery', 'file_return']],
    ['operation_not_supported', ['ask_buyer_to_refuse_delivery', 'file_return']],
    ['status_unknown', []],
    ['free_redirect_used', []],
  ] as const)('%s leads to %j', (code, actions) => {
    expect(blocked(code)).toEqual(actions);
  });

  it('covers every reason code, with actions from the vocabulary only', () => {
    for (const code of POLICY_REASON_CODES) {
      for (const action of blocked(code)) {
        expect(NEXT_ACTIONS).toContain(action);
      }
    }
  });

  it("reads a carrier's refusal in the same words: every named reason has a rule", () => {
    const named = CARRIER_REFUSAL_REASONS.filter((reason) => reason !== 'carrier_refused');
    for (const reason of named) {
      expect(POLICY_REASON_CODES).toContain(reason);
    }
  });

  it('sends a parcel the carrier says it never picked up to cancel_shipment, not to the buyer', () => {
    // A carrier answering "快件尚未揽收" is stored as a refusal with reason not_picked_up.
    const actions = blocked('not_picked_up');
    expect(actions).toEqual(['cancel_shipment']);
    expect(actions).not.toContain('ask_buyer_to_refuse_delivery');
  });

  it('lets the status decide over the rest, then an active intercept', () => {
    expect(blocked('category_excluded', 'not_picked_up')).toEqual(['cancel_shipment']);
    expect(blocked('declared_value_over_limit', 'delivered', 'already_intercepted')).toEqual([
      'file_return',
    ]);
    expect(blocked('category_excluded', 'already_intercepted')).toEqual(['await_carrier_outcome']);
    expect(blocked('status_unknown', 'category_excluded')).toEqual([
      'ask_buyer_to_refuse_delivery',
      'file_return',
    ]);
  });

  it('merges the deciding reasons without duplicates', () => {
    expect(blocked('category_excluded', 'declared_value_over_limit')).toEqual([
      'ask_buyer_to_refuse_delivery',
      'file_return',
    ]);
    expect(blocked()).toEqual([]);
  });

  it('settles a parcel already coming back by the intercept reason', () => {
    const codes = ['returning_or_returned'] as const;
    expect(nextActionsFor({ kind: 'not_eligible', reason: 'merchant_error', codes })).toEqual([
      'reship',
    ]);
  });
});

describe('nextActionsForIntercept', () => {
  it.each([
    ['pending', 'buyer_cancelled', ['await_carrier_outcome']],
    ['accepted', 'buyer_cancelled', ['refund_buyer']],
    ['returning', 'merchant_error', ['reship']],
    ['returned', 'logistics_exception', ['reship', 'refund_buyer']],
    ['returned', 'address_error', ['reship']],
    ['accepted', 'other', ['refund_buyer']],
    ['rejected', 'buyer_cancelled', ['ask_buyer_to_refuse_delivery', 'file_return']],
    ['failed', 'merchant_error', ['ask_buyer_to_refuse_delivery', 'file_return']],
    ['cancelled', 'buyer_cancelled', []],
  ] as const)('%s (%s) leads to %j', (status, reason, actions) => {
    expect(nextActionsForIntercept(status, reason)).toEqual(actions);
  });

  it('answers every lifecycle state for every reason, and a fresh array each time', () => {
    for (const status of INTERCEPT_LIFECYCLE_STATUSES) {
      for (const reason of INTERCEPT_REASONS) {
        expect(Array.isArray(nextActionsForIntercept(status, reason))).toBe(true);
      }
    }
    nextActionsForIntercept('accepted', 'buyer_cancelled').push('reship');
    expect(nextActionsForIntercept('accepted', 'buyer_cancelled')).toEqual(['refund_buyer']);
  });
});
