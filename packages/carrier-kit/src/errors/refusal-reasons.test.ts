import { describe, expect, it } from 'vitest';
import { CarrierNotEligibleError } from './kinds.ts';
import { CARRIER_REFUSAL_REASONS, isCarrierRefusalReason } from './refusal-reasons.ts';

describe('carrier refusal reasons', () => {
  it('name a parcel the carrier has not picked up yet, and the carrier refusing for its own reason', () => {
    expect(CARRIER_REFUSAL_REASONS).toContain('not_picked_up');
    expect(CARRIER_REFUSAL_REASONS).toContain('carrier_refused');
    expect(new Set(CARRIER_REFUSAL_REASONS).size).toBe(CARRIER_REFUSAL_REASONS.length);
  });

  it('tell a known reason from anything else', () => {
    expect(isCarrierRefusalReason('not_picked_up')).toBe(true);
    expect(isCarrierRefusalReason('picked_up')).toBe(false);
    expect(isCarrierRefusalReason(undefined)).toBe(false);
  });

  it('travel on CarrierNotEligibleError', () => {
    const error = new CarrierNotEligibleError({
      carrierId: 'test',
      message: 'refused',
      reason: 'not_picked_up',
    });
    expect(isCarrierRefusalReason(error.reason)).toBe(true);
  });
});
