import { describe, expect, it } from 'vitest';
import { maxReconcileDelayMs, reconcileDelayMs } from './backoff.ts';

describe('reconcileDelayMs', () => {
  it('doubles per unchanged check up to 64 intervals, within ±10 % jitter', () => {
    const middle = () => 0.5;
    expect([0, 1, 2, 6, 7, 50].map((run) => reconcileDelayMs(1_000, run, middle))).toEqual([
      1_000, 2_000, 4_000, 64_000, 64_000, 64_000,
    ]);
    expect(reconcileDelayMs(1_000, 0, () => 0)).toBe(900);
    expect(reconcileDelayMs(1_000, 0, () => 1)).toBe(1_100);
    expect(reconcileDelayMs(1_000, -3, middle)).toBe(1_000);
  });

  it('never exceeds maxReconcileDelayMs', () => {
    expect(reconcileDelayMs(30_000, 99, () => 1)).toBeLessThanOrEqual(maxReconcileDelayMs(30_000));
  });
});
