import { NORMALIZED_STATUSES, type NormalizedStatus } from '@parcelgate/carrier-kit';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from './defaults.ts';
import { judgeStatus, lowSuccessWarning, placeInWindow } from './status-window.ts';

const WINDOW = DEFAULT_POLICY.intercept.window;

/** Expected judgement of every status against the default window (docs/domain.md, "The rules the gateway applies"). */
const EXPECTED: Record<NormalizedStatus, [placement: string, code: string | undefined]> = {
  label_created: ['outside', 'not_picked_up'],
  picked_up: ['high', undefined],
  in_transit: ['high', undefined],
  at_destination_facility: ['low', undefined],
  out_for_delivery: ['outside', 'out_for_delivery'],
  delivery_attempted: ['outside', 'out_for_delivery'],
  available_for_pickup: ['outside', 'out_for_delivery'],
  delivered: ['outside', 'delivered'],
  exception: ['low', undefined],
  return_in_transit: ['outside', 'returning_or_returned'],
  returned: ['outside', 'returning_or_returned'],
  cancelled: ['outside', 'cancelled'],
  unknown: ['outside', 'status_unknown'],
};

describe('judgeStatus', () => {
  it.each(NORMALIZED_STATUSES)('judges %s against the default window', (status) => {
    const judgement = judgeStatus('intercept', status, WINDOW);
    expect([judgement.placement, judgement.reason?.code]).toEqual(EXPECTED[status]);
    if (judgement.reason !== undefined) {
      expect(judgement.reason.message.length).toBeGreaterThan(10);
    }
  });

  it('names a narrowed window per operation', () => {
    const narrow = { highLikelihood: ['in_transit'], lowLikelihood: [] } as const;
    expect(judgeStatus('intercept', 'picked_up', narrow).reason?.code).toBe(
      'outside_intercept_window',
    );
    expect(judgeStatus('redirect', 'exception', narrow).reason).toEqual({
      code: 'outside_redirect_window',
      message:
        'the parcel status exception is outside the redirect window of this carrier and tenant policy',
    });
  });

  it('lets a window accept out-for-delivery (carriers acting on the delivery day)', () => {
    const wide = { highLikelihood: ['in_transit'], lowLikelihood: ['out_for_delivery'] } as const;
    expect(judgeStatus('intercept', 'out_for_delivery', wide)).toEqual({
      placement: 'low',
      reason: undefined,
    });
  });

  it('never places a domain-excluded status in a window, whatever it lists', () => {
    const bogus = { highLikelihood: ['delivered', 'label_created', 'unknown'], lowLikelihood: [] };
    const window = bogus as unknown as typeof WINDOW;
    expect(judgeStatus('intercept', 'delivered', window).reason?.code).toBe('delivered');
    expect(judgeStatus('intercept', 'label_created', window).reason?.code).toBe('not_picked_up');
    expect(judgeStatus('intercept', 'unknown', window).reason?.code).toBe('status_unknown');
  });

  it('without a window, reports only statuses the domain names', () => {
    expect(judgeStatus('intercept', 'in_transit', undefined)).toEqual({
      placement: 'outside',
      reason: undefined,
    });
    expect(judgeStatus('redirect', 'delivered', undefined).reason?.message).toContain(
      'can no longer be redirected',
    );
  });
});

describe('placeInWindow', () => {
  it('reads a status listed as both high and low as low', () => {
    const both = { highLikelihood: ['in_transit'], lowLikelihood: ['in_transit'] } as const;
    expect(placeInWindow('in_transit', both)).toBe('low');
    expect(placeInWindow('picked_up', both)).toBe('outside');
  });
});

describe('lowSuccessWarning', () => {
  it('names the last-mile station, or the exception sub-status', () => {
    expect(lowSuccessWarning('intercept', 'at_destination_facility', undefined)).toEqual({
      code: 'last_mile_low_success',
      message:
        'the parcel is at the last-mile station (at_destination_facility): the carrier accepts the request but often fails to have it intercepted there',
    });
    expect(lowSuccessWarning('redirect', 'exception', 'held').message).toMatch(
      /^the parcel is in exception \(held\).*redirected/,
    );
    expect(lowSuccessWarning('intercept', 'exception', undefined).message).toContain(
      'in status exception',
    );
  });
});
