import { describe, expect, it } from 'vitest';
import { TRACED_CALLS_KEPT, TracedCalls } from './traced-calls.ts';

const TRACEPARENT = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

describe('TracedCalls', () => {
  it('keeps the requests that carried traceparent, with tracestate, newest last', () => {
    const calls = new TracedCalls();
    calls.note('sandbox', { operation: 'track', trackingNumber: 'SBX1' }, {});
    calls.note(
      'sandbox',
      { operation: 'track', trackingNumber: 'SBX1' },
      { traceparent: TRACEPARENT, tracestate: 'vendor=1' },
    );
    calls.note('ups', { operation: 'oauth' }, { traceparent: TRACEPARENT });
    expect(calls.list()).toEqual([
      {
        carrier: 'sandbox',
        operation: 'track',
        trackingNumber: 'SBX1',
        traceparent: TRACEPARENT,
        tracestate: 'vendor=1',
      },
      {
        carrier: 'ups',
        operation: 'oauth',
        trackingNumber: null,
        traceparent: TRACEPARENT,
        tracestate: null,
      },
    ]);
    expect(calls.clear()).toBe(2);
    expect(calls.list()).toEqual([]);
  });

  it('keeps the newest ones only', () => {
    const calls = new TracedCalls();
    for (let index = 0; index < TRACED_CALLS_KEPT + 5; index++) {
      calls.note(
        'sandbox',
        { operation: 'track', trackingNumber: `N${index}` },
        {
          traceparent: TRACEPARENT,
        },
      );
    }
    const kept = calls.list();
    expect(kept).toHaveLength(TRACED_CALLS_KEPT);
    expect(kept[0]?.trackingNumber).toBe('N5');
  });
});
