import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './load-config.ts';

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      return error.problems;
    }
    throw error;
  }
  return [];
}

describe('client settings', () => {
  it('applies the documented defaults', () => {
    expect(loadConfig({}).client).toEqual({
      rateLimits: {
        tenant: { perSecond: 50, burst: 100 },
        key: { perSecond: 50, burst: 100 },
        address: { perSecond: 5, burst: 20 },
      },
      headersTimeoutMs: 9_000,
      requestTimeoutMs: 30_000,
      idempotencyTtlHours: 24,
    });
  });

  it('reads every variable; per-key limits follow the tenant ones unless set', () => {
    const tenantOnly = loadConfig({
      PARCELGATE_RATE_LIMIT_PER_SECOND: '0.5',
      PARCELGATE_RATE_LIMIT_BURST: '3',
    }).client.rateLimits;
    expect(tenantOnly.key).toEqual({ perSecond: 0.5, burst: 3 });
    const client = loadConfig({
      PARCELGATE_RATE_LIMIT_PER_SECOND: '200',
      PARCELGATE_RATE_LIMIT_BURST: '400',
      PARCELGATE_RATE_LIMIT_KEY_PER_SECOND: '20',
      PARCELGATE_RATE_LIMIT_KEY_BURST: '40',
      PARCELGATE_RATE_LIMIT_ADDRESS_PER_SECOND: '1',
      PARCELGATE_RATE_LIMIT_ADDRESS_BURST: '5',
      PARCELGATE_HEADERS_TIMEOUT_MS: '5000',
      PARCELGATE_REQUEST_TIMEOUT_MS: '60000',
      PARCELGATE_IDEMPOTENCY_TTL_HOURS: '72',
    }).client;
    expect(client).toEqual({
      rateLimits: {
        tenant: { perSecond: 200, burst: 400 },
        key: { perSecond: 20, burst: 40 },
        address: { perSecond: 1, burst: 5 },
      },
      headersTimeoutMs: 5_000,
      requestTimeoutMs: 60_000,
      idempotencyTtlHours: 72,
    });
  });

  it('refuses invalid values, naming each variable', () => {
    expect(
      problemsOf({
        PARCELGATE_RATE_LIMIT_PER_SECOND: '0',
        PARCELGATE_RATE_LIMIT_BURST: '1.5',
        PARCELGATE_RATE_LIMIT_ADDRESS_PER_SECOND: 'fast',
        PARCELGATE_HEADERS_TIMEOUT_MS: '60000',
        PARCELGATE_IDEMPOTENCY_TTL_HOURS: '0',
      }),
    ).toEqual([
      'PARCELGATE_RATE_LIMIT_PER_SECOND must be a number above 0 and at most 1000000 (got "0")',
      'PARCELGATE_RATE_LIMIT_BURST must be a whole number from 1 to 1000000 (got "1.5")',
      'PARCELGATE_RATE_LIMIT_ADDRESS_PER_SECOND must be a number above 0 and at most 1000000 (got "fast")',
      'PARCELGATE_HEADERS_TIMEOUT_MS must be a whole number from 100 to 9500 (got "60000")',
      'PARCELGATE_IDEMPOTENCY_TTL_HOURS must be a whole number from 1 to 8760 (got "0")',
    ]);
    expect(
      problemsOf({ PARCELGATE_HEADERS_TIMEOUT_MS: '9000', PARCELGATE_REQUEST_TIMEOUT_MS: '5000' }),
    ).toEqual([
      'PARCELGATE_REQUEST_TIMEOUT_MS (5000) must not be shorter than PARCELGATE_HEADERS_TIMEOUT_MS (9000)',
    ]);
  });
});
