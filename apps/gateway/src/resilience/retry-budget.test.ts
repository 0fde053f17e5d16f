import { describe, expect, it } from 'vitest';
import { RetryBudget } from './retry-budget.ts';

function budgetAt(clock: { now: number }, options: { ratio?: number; minRetries?: number } = {}) {
  return new RetryBudget({
    ratio: options.ratio ?? 0.1,
    minRetries: options.minRetries ?? 2,
    windowMs: 10_000,
    now: () => clock.now,
  });
}

describe('RetryBudget', () => {
  it('always allows the minimum, however few the calls', () => {
    const budget = budgetAt({ now: 0 });
    expect([budget.tryTakeRetry(), budget.tryTakeRetry(), budget.tryTakeRetry()]).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('caps retries at the ratio of calls in the window', () => {
    const budget = budgetAt({ now: 0 }, { minRetries: 0 });
    for (let call = 0; call < 100; call += 1) {
      budget.recordCall();
    }
    let granted = 0;
    for (let retry = 0; retry < 50; retry += 1) {
      granted += budget.tryTakeRetry() ? 1 : 0;
    }
    expect(granted).toBe(10);
    expect(budget.snapshot()).toEqual({ calls: 100, retries: 10 });
  });

  it('forgets calls and retries once they leave the sliding window', () => {
    const clock = { now: 0 };
    const budget = budgetAt(clock, { minRetries: 0 });
    for (let call = 0; call < 20; call += 1) {
      budget.recordCall();
    }
    expect(budget.tryTakeRetry()).toBe(true);
    expect(budget.tryTakeRetry()).toBe(true);
    expect(budget.tryTakeRetry()).toBe(false);
    clock.now = 9_999;
    expect(budget.tryTakeRetry()).toBe(false);
    clock.now = 10_500;
    expect(budget.snapshot()).toEqual({ calls: 0, retries: 0 });
    expect(budget.tryTakeRetry()).toBe(false);
    for (let call = 0; call < 10; call += 1) {
      budget.recordCall();
    }
    expect(budget.tryTakeRetry()).toBe(true);
  });
});
