import { describe, expect, it } from 'vitest';
import { AccountCalls, maxInWindow } from './account-calls.ts';

describe('account calls', () => {
  it('finds the most calls within any window, wherever it starts', () => {
    expect(maxInWindow([], 1_000)).toBe(0);
    expect(maxInWindow([0, 100, 999, 1_000, 1_500, 1_999], 1_000)).toBe(3);
    expect(maxInWindow([0, 10, 20, 990, 1_500], 1_000)).toBe(4);
    expect(maxInWindow([0, 1_000, 2_000], 1_000)).toBe(1);
  });

  it('counts per carrier and account, and forgets on clear', () => {
    let now = 0;
    const calls = new AccountCalls(() => now);
    for (const at of [0, 200, 400, 1_300]) {
      now = at;
      calls.record('sandbox', 'key-a');
    }
    calls.record('sandbox', 'key-b');
    expect(calls.summary(1_000)).toEqual([
      { carrier: 'sandbox', account: 'key-a', calls: 4, maxInWindow: 3 },
      { carrier: 'sandbox', account: 'key-b', calls: 1, maxInWindow: 1 },
    ]);
    calls.clear();
    expect(calls.summary(1_000)).toEqual([]);
  });
});
