import type { TrackingSnapshot } from '@parcelgate/carrier-kit';
import { describe, expect, it } from 'vitest';
import { progressOf } from '../../policy/judge-order-deadline.ts';
import { evidenceOf } from './decide-parcel.ts';

const parcel = { carrier: 'sf', trackingNumber: 'SF1', pickupMode: 'platform_pickup' } as const;
const delivered: TrackingSnapshot = {
  carrierId: 'sf',
  trackingNumber: 'SF1',
  status: 'delivered',
  events: [
    {
      occurredAt: '2026-03-01T08:00:00+08:00',
      status: 'in_transit',
      description: 'hub',
      raw: { code: '30' },
    },
    {
      occurredAt: '2026-03-02T09:00:00+08:00',
      status: 'out_for_delivery',
      description: 'out',
      raw: { code: '44' },
    },
    {
      occurredAt: '2026-03-02T11:00:00+08:00',
      status: 'delivered',
      description: 'signed',
      raw: { code: '80' },
    },
  ],
};

describe('evidenceOf', () => {
  it('attaches the proof of delivery when tracking gives one', () => {
    const evidence = evidenceOf(parcel, {
      ...delivered,
      proofOfDelivery: { signedBy: 'Li', deliveredAt: '2026-03-02T11:00:00+08:00' },
    });
    expect(evidence.source).toBe('proof_of_delivery');
    expect(evidence.proofOfDelivery).toEqual({
      signedBy: 'Li',
      deliveredAt: '2026-03-02T11:00:00+08:00',
    });
  });

  it('falls back on the delivery scans, and says so', () => {
    const evidence = evidenceOf(parcel, delivered);
    expect(evidence.source).toBe('tracking_events');
    expect(evidence.proofOfDelivery).toBeNull();
    expect(evidence.events.map((event) => event.status)).toEqual(['out_for_delivery', 'delivered']);
  });

  it('says when tracking could not be read', () => {
    expect(evidenceOf(parcel, undefined).source).toBe('unavailable');
  });
});

describe('progressOf', () => {
  const decision = {
    carrier: 'sf',
    trackingNumber: 'SF1',
    outcome: 'no_rule',
    actionStatus: null,
    reasons: [{ code: 'out_of_window', message: 'delivered' }],
  } as const;

  it('blocks a parcel the event calls for an action on when no rule acted', () => {
    expect(progressOf(decision, true)).toMatchObject({
      needsAction: true,
      blocked: { code: 'out_of_window' },
    });
    expect(progressOf(decision, false).needsAction).toBe(false);
  });

  it('follows a started action, and names a policy refusal as not eligible', () => {
    expect(
      progressOf({ ...decision, outcome: 'started', actionStatus: 'accepted', reasons: [] }, true),
    ).toMatchObject({ needsAction: true, actionStatus: 'accepted' });
    expect(
      progressOf(
        {
          ...decision,
          outcome: 'not_started',
          reasons: [{ code: 'category_excluded', message: 'tea' }],
        },
        true,
      ).blocked?.code,
    ).toBe('not_eligible');
  });
});
