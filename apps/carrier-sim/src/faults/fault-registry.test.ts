import { describe, expect, it } from 'vitest';
import { FaultRegistry } from './fault-registry.ts';

const NO_LIMIT = null;

describe('FaultRegistry.select', () => {
  it('sums every matching latency and keeps jitter within [ms, ms + jitterMs], seeded', () => {
    const registry = new FaultRegistry();
    registry.add({
      carrier: 'sandbox',
      operation: 'track',
      trackingNumber: null,
      count: NO_LIMIT,
      fault: { type: 'latency', ms: 50, jitterMs: 100 },
    });
    registry.add({
      carrier: 'sandbox',
      operation: '*',
      trackingNumber: 'SBX1',
      count: NO_LIMIT,
      fault: { type: 'latency', ms: 10, jitterMs: 0 },
    });
    const delays = Array.from(
      { length: 200 },
      () => registry.select('sandbox', 'track', 'SBX1', 'seed').latencyMs,
    );
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(60);
    expect(Math.max(...delays)).toBeLessThanOrEqual(160);
    expect(new Set(delays).size).toBeGreaterThan(20);

    const replay = new FaultRegistry();
    replay.add({
      carrier: 'sandbox',
      operation: 'track',
      trackingNumber: null,
      count: NO_LIMIT,
      fault: { type: 'latency', ms: 50, jitterMs: 100 },
    });
    replay.add({
      carrier: 'sandbox',
      operation: '*',
      trackingNumber: 'SBX1',
      count: NO_LIMIT,
      fault: { type: 'latency', ms: 10, jitterMs: 0 },
    });
    expect(
      Array.from(
        { length: 200 },
        () => replay.select('sandbox', 'track', 'SBX1', 'seed').latencyMs,
      ),
    ).toEqual(delays);
  });

  it('matches carrier, operation and tracking number; * matches carrier-specific operations', () => {
    const registry = new FaultRegistry();
    registry.add({
      carrier: 'sandbox',
      operation: 'intercept',
      trackingNumber: 'SBX1',
      count: NO_LIMIT,
      fault: { type: 'hang' },
    });
    registry.add({
      carrier: 'sandbox',
      operation: '*',
      trackingNumber: 'SBX2',
      count: NO_LIMIT,
      fault: { type: 'malformed' },
    });
    expect(registry.select('sandbox', 'intercept', 'SBX1', 's').fault).toEqual({ type: 'hang' });
    expect(registry.select('sandbox', 'track', 'SBX1', 's').fault).toBeUndefined();
    expect(registry.select('sandbox', 'intercept', 'SBX3', 's').fault).toBeUndefined();
    expect(registry.select('ups', 'intercept', 'SBX1', 's').fault).toBeUndefined();
    expect(registry.select('sandbox', 'interceptStatus', 'SBX2', 's').fault).toEqual({
      type: 'malformed',
    });
    expect(registry.select('sandbox', 'interceptStatus', undefined, 's').fault).toBeUndefined();
  });

  it('does not use up a count on requests a status rate lets through', () => {
    const registry = new FaultRegistry();
    registry.add({
      carrier: 'sandbox',
      operation: 'track',
      trackingNumber: null,
      count: 5,
      fault: { type: 'status', code: 503, rate: 0.3, html: false },
    });
    let failed = 0;
    for (let index = 0; index < 200; index++) {
      failed += registry.select('sandbox', 'track', 'SBX1', 'seed').fault === undefined ? 0 : 1;
    }
    expect(failed).toBe(5);
    expect(registry.list()).toEqual([]);
  });

  it('keeps identifiers counting after clear(), and restarts them on reset()', () => {
    const registry = new FaultRegistry();
    const rule = {
      carrier: 'sandbox',
      operation: 'track',
      trackingNumber: null,
      count: NO_LIMIT,
      fault: { type: 'hang' },
    } as const;
    expect(registry.add(rule).id).toBe('flt_1');
    registry.clear();
    expect(registry.add(rule).id).toBe('flt_2');
    registry.reset();
    expect(registry.add(rule).id).toBe('flt_1');
  });
});
