import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './load-config.ts';

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      databaseUrl: undefined,
      dataDir: './data',
      databasePoolSize: 10,
      carrierPackages: undefined,
      simulatorUrl: 'http://127.0.0.1:4010',
      trackingCacheTtlMs: 5000,
      logLevel: 'info',
      budgetsMs: { track: 2000, intercept: 5000, redirect: 5000 },
    });
    expect(config.resilience).toMatchObject({
      attemptTimeoutsMs: { track: 1000, intercept: 60_000, redirect: 60_000 },
      retry: { maxAttempts: 3, budgetRatio: 0.1, budgetMinRetries: 10 },
      breaker: { minCalls: 20, failureRatio: 0.5, openMs: 5000 },
      queueLimit: 100,
    });
  });

  it('reads and checks the resilience settings', () => {
    const config = loadConfig({
      PARCELGATE_RETRY_BUDGET_PERCENT: '20',
      PARCELGATE_BREAKER_OPEN_MS: '1000',
    });
    expect(config.resilience.retry.budgetRatio).toBe(0.2);
    expect(config.resilience.breaker.openMs).toBe(1000);
    expect(() => loadConfig({ PARCELGATE_RETRY_MAX_ATTEMPTS: '0' })).toThrow(
      'PARCELGATE_RETRY_MAX_ATTEMPTS must be a whole number from 1 to 10 (got "0")',
    );
  });

  it('reads every setting', () => {
    const config = loadConfig({
      PORT: '9090',
      DATABASE_URL: 'postgres://u@h:5432/db',
      PARCELGATE_CARRIERS: '@parcelgate/carrier-sandbox, acme-carrier ,',
      CARRIER_SIM_PORT: '4999',
      PARCELGATE_BUDGET_INTERCEPT_MS: '3000',
      PARCELGATE_DATABASE_POOL_SIZE: '25',
    });
    expect(config.port).toBe(9090);
    expect(config.databasePoolSize).toBe(25);
    expect(config.databaseUrl).toBe('postgres://u@h:5432/db');
    expect(config.carrierPackages).toEqual(['@parcelgate/carrier-sandbox', 'acme-carrier']);
    expect(config.simulatorUrl).toBe('http://127.0.0.1:4999');
    expect(config.budgetsMs.intercept).toBe(3000);
  });

  it('reports every invalid setting at once, naming each', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        LOG_LEVEL: 'loud',
        PARCELGATE_BOOTSTRAP_API_KEY: 'short',
        CARRIER_SIM_URL: 'ftp://sim',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'PORT must be a whole number from 0 to 65535 (got "eighty")',
      'DATABASE_URL must be a postgres:// or postgresql:// URL',
      'PARCELGATE_BOOTSTRAP_API_KEY must be 24 to 128 characters of letters, digits, _ or -',
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud")',
      'CARRIER_SIM_URL must be an http(s) URL (got "ftp://sim")',
    ]);
  });
});
