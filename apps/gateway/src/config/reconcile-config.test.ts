import { describe, expect, it } from 'vitest';
import { loadConfig } from './load-config.ts';

describe('reconcile settings', () => {
  it('default to a 30 s interval and a 48 h deadline', () => {
    expect(loadConfig({}).reconcile).toEqual({ intervalMs: 30_000, deadlineMs: 172_800_000 });
  });

  it('are read from PARCELGATE_RECONCILE_INTERVAL_MS and PARCELGATE_RECONCILE_DEADLINE_MS', () => {
    const config = loadConfig({
      PARCELGATE_RECONCILE_INTERVAL_MS: '500',
      PARCELGATE_RECONCILE_DEADLINE_MS: '60000',
    });
    expect(config.reconcile).toEqual({ intervalMs: 500, deadlineMs: 60_000 });
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
