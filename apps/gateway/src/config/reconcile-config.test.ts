import { describe, expect, it } from 'vitest';
import { loadConfig } from './load-config.ts';

describe('reconcile settings', () => {
  it('default to a 30 s interval, a 48 h deadline and a 2 min window for unknown outcomes', () => {
    expect(loadConfig({}).reconcile).toEqual({
      intervalMs: 30_000,
      deadlineMs: 172_800_000,
      unknownOutcomeMs: 120_000,
    });
  });

  it('are read from PARCELGATE_RECONCILE_INTERVAL_MS, _DEADLINE_MS and _UNKNOWN_OUTCOME_MS', () => {
    const config = loadConfig({
      PARCELGATE_RECONCILE_INTERVAL_MS: '500',
      PARCELGATE_RECONCILE_DEADLINE_MS: '60000',
      PARCELGATE_RECONCILE_UNKNOWN_OUTCOME_MS: '5000',
    });
    expect(config.reconcile).toEqual({
      intervalMs: 500,
      deadlineMs: 60_000,
      unknownOutcomeMs: 5_000,
    });
  });

  it('refuse values out of range, and a deadline shorter than the interval', () => {
    expect(() => loadConfig({ PARCELGATE_RECONCILE_INTERVAL_MS: '10' })).toThrow(
      'PARCELGATE_RECONCILE_INTERVAL_MS must be a whole number from 100 to 86400000 (got "10")',
    );
    expect(() =>
      loadConfig({
        PARCELGATE_RECONCILE_INTERVAL_MS: '60000',
        PARCELGATE_RECONCILE_DEADLINE_MS: '5000',
      }),
    ).toThrow(
      'PARCELGATE_RECONCILE_DEADLINE_MS (5000) must not be shorter than PARCELGATE_RECONCILE_INTERVAL_MS (60000)',
    );
  });
});
