import type { NormalizedStatus, TrackingSnapshot } from '@parcelgate/carrier-kit';
import { describe, expect, it } from 'vitest';
import {
  type ActionState,
  type CarrierView,
  decideReconciliation,
} from './decide-reconciliation.ts';

const options = { notFoundGraceMs: 10_000 };
const intercept = (status: string, sinceChangeMs = 60_000): ActionState => ({
  table: 'intercepts',
  status,
  sinceChangeMs,
});
const newAddress = { city: 'Suzhou', postalCode: '215000', country: 'CN' };
const redirect = (status: string): ActionState => ({
  table: 'redirects',
  status,
  newAddress,
  sinceChangeMs: 60_000,
});

function carrierSays(outcome: string, extra: Record<string, string> = {}): CarrierView {
  return {
    kind: 'status',
    result: { outcome, carrierReference: 'SIC-1', ...extra } as never,
  };
}

function tracking(status: NormalizedStatus, destination?: TrackingSnapshot['destination']) {
  const snapshot: TrackingSnapshot = {
    carrierId: 'fake',
    trackingNumber: 'FK1',
    status,
    events: [],
    ...(destination === undefined ? {} : { destination }),
  };
  return { kind: 'tracking', snapshot } as const;
}

const statuses = (view: CarrierView, action: ActionState) =>
  decideReconciliation(action, view, options).steps.map((step) => step.status);

describe('decideReconciliation: intercepts by status query', () => {
  it.each([
    ['pending', 'accepted', ['accepted']],
    ['pending', 'returning', ['accepted', 'returning']],
    ['pending', 'returned', ['accepted', 'returning', 'returned']],
    ['accepted', 'returned', ['returning', 'returned']],
    ['returning', 'returned', ['returned']],
    ['pending', 'pending', []],
    ['accepted', 'accepted', []],
    // Never backwards.
    ['returning', 'accepted', []],
  ])('from %s, the carrier saying %s stores %j', (from, outcome, expected) => {
    expect(statuses(carrierSays(outcome), intercept(from))).toEqual(expected);
  });

  it('stores one transition per step with cause reconciliation and the carrier reference', () => {
    const decision = decideReconciliation(intercept('pending'), carrierSays('returning'), options);
    expect(decision).toEqual({
      final: false,
      steps: [
        {
          status: 'accepted',
          cause: 'reconciliation',
          carrierReference: 'SIC-1',
          carrierReason: undefined,
          detail: 'implied by the carrier reporting it returning',
        },
        {
          status: 'returning',
          cause: 'reconciliation',
          carrierReference: 'SIC-1',
          carrierReason: undefined,
          detail: 'the carrier reports it returning',
        },
      ],
    });
    expect(
      decideReconciliation(intercept('returning'), carrierSays('returned'), options).final,
    ).toBe(true);
  });

  it('ends a pending intercept rejected or failed as the carrier says, and one it accepted failed', () => {
    expect(statuses(carrierSays('rejected'), intercept('pending'))).toEqual(['rejected']);
    expect(statuses(carrierSays('failed'), intercept('pending'))).toEqual(['failed']);
    expect(statuses(carrierSays('rejected'), intercept('accepted'))).toEqual(['failed']);
    const failed = decideReconciliation(
      intercept('returning'),
      carrierSays('failed', { carrierReason: 'DELIVERED', message: 'delivered anyway' }),
      options,
    );
    expect(failed).toMatchObject({
      final: true,
      steps: [{ status: 'failed', carrierReason: 'DELIVERED', detail: 'delivered anyway' }],
    });
  });

  it('fails a pending intercept the carrier has no record of, once the grace has passed', () => {
    const notFound: CarrierView = { kind: 'not-found' };
    expect(decideReconciliation(intercept('pending', 60_000), notFound, options)).toEqual({
      final: true,
      steps: [
        {
          status: 'failed',
          cause: 'reconciliation',
          detail: 'the carrier has no record of it: the request never reached the carrier',
        },
      ],
    });
    // Too early: the carrier may still be processing the request we gave up on.
    expect(statuses(notFound, intercept('pending', 5_000))).toEqual([]);
    // After an acceptance, a vanished record is left for a person.
    expect(statuses(notFound, intercept('accepted'))).toEqual([]);
  });

  it('changes nothing without an answer, and nothing once final', () => {
    expect(
      decideReconciliation(intercept('pending'), { kind: 'no-answer', detail: 'down' }, options),
    ).toEqual({ steps: [], final: false });
    expect(decideReconciliation(intercept('returned'), carrierSays('accepted'), options)).toEqual({
      steps: [],
      final: true,
    });
  });
});

describe('decideReconciliation: intercepts by tracking', () => {
  it.each([
    ['pending', 'in_transit', []],
    ['accepted', 'in_transit', []],
    ['pending', 'return_in_transit', ['accepted', 'returning']],
    ['accepted', 'return_in_transit', ['returning']],
    ['returning', 'return_in_transit', []],
    ['accepted', 'returned', ['returning', 'returned']],
    ['pending', 'delivered', ['failed']],
    ['returning', 'delivered', ['failed']],
    ['pending', 'exception', []],
  ] as const)('from %s, tracking %s stores %j', (from, status, expected) => {
    expect(statuses(tracking(status), intercept(from))).toEqual(expected);
  });

  it('marks what it inferred with cause tracking', () => {
    expect(
      decideReconciliation(intercept('accepted'), tracking('delivered'), options).steps,
    ).toEqual([
      {
        status: 'failed',
        cause: 'tracking',
        detail: 'the parcel was delivered: the carrier did not stop it',
      },
    ]);
  });
});

describe('decideReconciliation: redirects by tracking', () => {
  const there = { city: 'suzhou', postalCode: '215000', country: 'CN' };
  const elsewhere = { city: 'Hangzhou', country: 'CN' };

  it.each([
    ['pending', 'in_transit', there, ['accepted']],
    ['pending', 'in_transit', elsewhere, []],
    ['pending', 'in_transit', undefined, []],
    ['accepted', 'in_transit', there, []],
    ['pending', 'delivered', there, ['accepted', 'redirected']],
    ['accepted', 'delivered', there, ['redirected']],
    ['accepted', 'delivered', elsewhere, ['failed']],
    ['accepted', 'delivered', undefined, []],
    ['accepted', 'return_in_transit', there, ['failed']],
    ['pending', 'returned', undefined, ['failed']],
  ] as const)('from %s, tracking %s at %j stores %j', (from, status, destination, expected) => {
    expect(statuses(tracking(status, destination), redirect(from))).toEqual(expected);
  });

  it('tells postal codes apart where both sides have one', () => {
    const otherDistrict = { city: 'Suzhou', postalCode: '215100', country: 'CN' };
    expect(statuses(tracking('in_transit', otherDistrict), redirect('pending'))).toEqual([]);
  });

  it('ignores an intercept status answer or a not-found for a redirect', () => {
    expect(statuses(carrierSays('accepted'), redirect('pending'))).toEqual([]);
    expect(statuses({ kind: 'not-found' }, redirect('pending'))).toEqual([]);
  });
});
