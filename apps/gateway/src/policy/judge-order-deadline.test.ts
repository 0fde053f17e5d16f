import { describe, expect, it } from 'vitest';
import { judgeOrderDeadline, type ParcelProgress } from './judge-order-deadline.ts';

const now = new Date('2026-03-02T10:00:00.000Z');
const inHours = (hours: number) => new Date(now.getTime() + hours * 3_600_000);
const NEAR = 15 * 60_000;
const parcel = (progress: Partial<ParcelProgress>): ParcelProgress => ({
  carrier: 'sandbox',
  trackingNumber: 'SBX1',
  needsAction: true,
  ...progress,
});

describe('judgeOrderDeadline', () => {
  it('is on track while an action is pending far from the deadline, met once it is accepted', () => {
    const judge = (actionStatus: string) =>
      judgeOrderDeadline({
        now,
        respondBy: inHours(4),
        nearMs: NEAR,
        parcels: [parcel({ actionStatus })],
      });
    expect(judge('pending').status).toBe('on_track');
    expect(judge('accepted')).toEqual({ status: 'met', reasons: [] });
  });

  it('is at risk at once when a parcel could not be acted on, with its reason', () => {
    const blocked = {
      code: 'out_of_window',
      message: 'a parcel delivered is outside the intercept window',
    } as const;
    const judged = judgeOrderDeadline({
      now,
      respondBy: inHours(4),
      nearMs: NEAR,
      parcels: [parcel({ blocked }), parcel({ trackingNumber: 'SBX2', actionStatus: 'accepted' })],
    });
    expect(judged.status).toBe('at_risk');
    expect(judged.reasons).toEqual([blocked]);
  });

  it('is at risk without a respondBy too: the marketplace’s window still runs', () => {
    const judged = judgeOrderDeadline({
      now,
      respondBy: undefined,
      nearMs: NEAR,
      parcels: [parcel({ blocked: { code: 'carrier_unavailable', message: 'circuit-open' } })],
    });
    expect(judged.status).toBe('at_risk');
  });

  it('reports a pending action near its deadline, and a failed one at once', () => {
    const near = judgeOrderDeadline({
      now,
      respondBy: new Date(now.getTime() + 5 * 60_000),
      nearMs: NEAR,
      parcels: [parcel({ actionStatus: 'pending' })],
    });
    expect(near.status).toBe('at_risk');
    expect(near.reasons[0]?.code).toBe('action_pending');
    const failed = judgeOrderDeadline({
      now,
      respondBy: inHours(4),
      nearMs: NEAR,
      parcels: [parcel({ actionStatus: 'rejected' })],
    });
    expect(failed.reasons[0]?.code).toBe('action_failed');
  });

  it('is missed when the deadline passed before everything was done, met when it was', () => {
    const passed = judgeOrderDeadline({
      now,
      respondBy: inHours(-1),
      nearMs: NEAR,
      parcels: [parcel({ actionStatus: 'pending' })],
    });
    expect(passed.status).toBe('missed');
    expect(passed.reasons.map((reason) => reason.code)).toEqual(['deadline_passed']);
    expect(
      judgeOrderDeadline({
        now,
        respondBy: inHours(-1),
        nearMs: NEAR,
        parcels: [parcel({ actionStatus: 'returning' })],
      }).status,
    ).toBe('met');
  });

  it('is none for an event that asks for no action', () => {
    expect(
      judgeOrderDeadline({
        now,
        respondBy: inHours(4),
        nearMs: NEAR,
        parcels: [parcel({ needsAction: false })],
      }),
    ).toEqual({ status: 'none', reasons: [] });
  });
});
