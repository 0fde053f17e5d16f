import { describe, expect, it } from 'vitest';
import { createFakeCarrier } from '../../test/support/fake-carrier.ts';
import { carrierEnvPrefix, resolveCarrierSettings } from './carrier-settings.ts';

const { carrier: base } = createFakeCarrier('acme-post');
const carrier = {
  ...base,
  endpoints: { production: 'https://api.acme.example' },
  credentials: [
    {
      key: 'clientId',
      env: 'CLIENT_ID',
      description: 'OAuth client id',
      secret: false,
      required: true,
      sandboxDefault: 'sim-id',
    },
    {
      key: 'clientSecret',
      env: 'CLIENT_SECRET',
      description: 'OAuth secret',
      secret: true,
      required: true,
      sandboxDefault: 'sim-secret',
    },
  ],
};

describe('resolveCarrierSettings', () => {
  it('names variables after the carrier id', () => {
    expect(carrierEnvPrefix('acme-post')).toBe('CARRIER_ACME_POST');
  });

  it('sends a carrier without credentials to the simulator with its sandbox defaults', () => {
    const { settings, problems } = resolveCarrierSettings(carrier, {}, 'http://127.0.0.1:4010');
    expect(problems).toEqual([]);
    expect(settings).toEqual({
      baseUrl: 'http://127.0.0.1:4010/acme-post',
      credentials: { clientId: 'sim-id', clientSecret: 'sim-secret' },
      target: 'simulator',
      secrets: ['sim-secret'],
      overrides: { budgetsMs: {}, rateLimits: {} },
    });
  });

  it('switches to the real endpoint with real credentials, and reports a missing one', () => {
    const env = {
      CARRIER_ACME_POST_CLIENT_ID: 'real-id',
      CARRIER_ACME_POST_CLIENT_SECRET: 'real-secret',
    };
    expect(resolveCarrierSettings(carrier, env, 'http://sim').settings).toMatchObject({
      baseUrl: 'https://api.acme.example',
      target: 'production',
      credentials: { clientId: 'real-id', clientSecret: 'real-secret' },
    });
    expect(
      resolveCarrierSettings(carrier, { CARRIER_ACME_POST_CLIENT_ID: 'real-id' }, 'http://sim')
        .problems,
    ).toEqual(['CARRIER_ACME_POST_CLIENT_SECRET is required (OAuth secret)']);
  });

  it('lets CARRIER_<ID>_BASE_URL win, and checks it', () => {
    expect(
      resolveCarrierSettings(
        carrier,
        { CARRIER_ACME_POST_BASE_URL: 'https://cie.acme.example' },
        'http://sim',
      ).settings,
    ).toMatchObject({ baseUrl: 'https://cie.acme.example', target: 'custom' });
    expect(
      resolveCarrierSettings(carrier, { CARRIER_ACME_POST_BASE_URL: 'not a url' }, 'http://sim')
        .problems,
    ).toEqual(['CARRIER_ACME_POST_BASE_URL must be an http(s) URL (got "not a url")']);
  });

  it('reads per-account budgets and rate limits, and names invalid ones', () => {
    const env = {
      CARRIER_ACME_POST_BUDGET_TRACK_MS: '1500',
      CARRIER_ACME_POST_BUDGET_INTERCEPT_MS: '8000',
      CARRIER_ACME_POST_REQUESTS_PER_SECOND: '200',
      CARRIER_ACME_POST_MAX_CONCURRENCY: '40',
    };
    expect(resolveCarrierSettings(carrier, env, 'http://sim').settings?.overrides).toEqual({
      budgetsMs: { track: 1500, intercept: 8000 },
      rateLimits: { requestsPerSecond: 200, maxConcurrency: 40 },
    });
    expect(
      resolveCarrierSettings(
        carrier,
        { CARRIER_ACME_POST_BUDGET_REDIRECT_MS: '10', CARRIER_ACME_POST_BURST: 'lots' },
        'http://sim',
      ).problems,
    ).toEqual([
      'CARRIER_ACME_POST_BUDGET_REDIRECT_MS must be a whole number from 50 to 60000 (got "10")',
      'CARRIER_ACME_POST_BURST must be a whole number from 1 to 100000 (got "lots")',
    ]);
  });
});
