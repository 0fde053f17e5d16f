import { describe, expect, it } from 'vitest';
import { resolveBudget, sinceArrival } from './budgets.ts';

const defaults = { track: 2000, intercept: 5000, redirect: 5000 };

describe('resolveBudget', () => {
  it('uses the operation default without a Prefer header', () => {
    expect(resolveBudget('intercept', defaults, undefined)).toEqual({
      totalMs: 5000,
      preferWaitSeconds: undefined,
    });
  });

  it('tightens the budget with Prefer: wait=N (seconds), among other preferences', () => {
    expect(resolveBudget('intercept', defaults, 'wait=3')).toEqual({
      totalMs: 3000,
      preferWaitSeconds: 3,
    });
    expect(resolveBudget('intercept', defaults, 'respond-async, wait="2"')).toEqual({
      totalMs: 2000,
      preferWaitSeconds: 2,
    });
  });

  it('never widens the budget and ignores malformed preferences', () => {
    expect(resolveBudget('track', defaults, 'wait=10')).toEqual({
      totalMs: 2000,
      preferWaitSeconds: undefined,
    });
    expect(resolveBudget('track', defaults, 'wait=soon')).toEqual({
      totalMs: 2000,
      preferWaitSeconds: undefined,
    });
    expect(resolveBudget('track', defaults, 'handling=strict')).toEqual({
      totalMs: 2000,
      preferWaitSeconds: undefined,
    });
  });
});

describe('sinceArrival', () => {
  it('takes what the request spent before its handler out of the budget', () => {
    const budget = { totalMs: 2000, preferWaitSeconds: 2 };
    expect(sinceArrival(budget, 120.4)).toEqual({ totalMs: 1880, preferWaitSeconds: 2 });
    expect(sinceArrival(budget, 5000)).toEqual({ totalMs: 1, preferWaitSeconds: 2 });
    // The estimated wait in the socket counts as spent too.
    expect(sinceArrival(budget, 120.4, 30)).toEqual({ totalMs: 1850, preferWaitSeconds: 2 });
  });
});
