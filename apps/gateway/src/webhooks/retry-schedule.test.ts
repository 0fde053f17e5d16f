import { describe, expect, it } from 'vitest';
import { nextDeliveryStep, type RetrySchedule } from './retry-schedule.ts';

const HOUR = 3_600_000;
const DEFAULTS: RetrySchedule = { baseMs: 5_000, maxDelayMs: 4 * HOUR, giveUpAfterMs: 25 * HOUR };
const start = new Date('2026-12-01T00:00:00Z');

describe('nextDeliveryStep', () => {
  it('backs off three times longer each failure, within [half, all] of the step', () => {
    const delays = [1, 2, 3, 4].map((failures) => ({
      low: nextDeliveryStep({
        failures,
        firstFailedAt: start,
        now: start,
        schedule: DEFAULTS,
        random: () => 0,
      }),
      high: nextDeliveryStep({
        failures,
        firstFailedAt: start,
        now: start,
        schedule: DEFAULTS,
        random: () => 0.999_999,
      }),
    }));
    expect(delays.map(({ low }) => low)).toEqual(
      [2_500, 7_500, 22_500, 67_500].map((delayMs) => ({ kind: 'retry', delayMs })),
    );
    expect(delays.map(({ high }) => (high.kind === 'retry' ? high.delayMs : 0))).toEqual([
      5_000, 15_000, 45_000, 135_000,
    ]);
  });

  it('never pauses longer than the cap', () => {
    const step = nextDeliveryStep({
      failures: 40,
      firstFailedAt: start,
      now: start,
      schedule: DEFAULTS,
      random: () => 0.999_999,
    });
    expect(step.kind === 'retry' && step.delayMs).toBeLessThanOrEqual(4 * HOUR);
    expect(step.kind === 'retry' && step.delayMs).toBeGreaterThan(4 * HOUR - 100);
  });

  it('keeps retrying for more than a day, then gives up', () => {
    // Walks the schedule with the shortest pauses jitter allows: still over 24 h of retries.
    let now = start;
    let failures = 1;
    for (;;) {
      const step = nextDeliveryStep({
        failures,
        firstFailedAt: start,
        now,
        schedule: DEFAULTS,
        random: () => 0,
      });
      if (step.kind === 'give-up') {
        break;
      }
      now = new Date(now.getTime() + step.delayMs);
      failures += 1;
    }
    expect(now.getTime() - start.getTime()).toBeGreaterThanOrEqual(24 * HOUR);
    expect(failures).toBeGreaterThan(10);
    expect(failures).toBeLessThan(30);
  });
});
