import { describe, expect, it } from 'vitest';
import { createFakeCarrier } from '../../test/support/fake-carrier.ts';
import {
  carrierEnvPrefix,
  hostBaseUrlVariable,
} from '../config/schema/carrier-account-variables.ts';
import { resolveCarrierSettings } from './carrier-settings.ts';

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
    {
      key: 'payMode',
      env: 'PAY_MODE',
      description: 'Who pays',
      secret: false,
      required: false,
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

  it('keeps the simulator when only an optional setting is configured', () => {
    const { settings } = resolveCarrierSettings(
      carrier,
      { CARRIER_ACME_POST_PAY_MODE: '2' },
      'http://sim',
    );
    expect(settings).toMatchObject({
      target: 'simulator',
      credentials: { clientId: 'sim-id', clientSecret: 'sim-secret', payMode: '2' },
    });
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

describe('resolveCarrierSettings with named hosts', () => {
  const multiHost = {
    ...carrier,
    endpoints: {
      production: 'https://poll.acme.example',
      hosts: {
        label: { production: 'https://api.acme.example' },
        'number-recognition': { production: 'https://www.acme.example' },
      },
    },
  };
  const realCredentials = {
    CARRIER_ACME_POST_CLIENT_ID: 'real-id',
    CARRIER_ACME_POST_CLIENT_SECRET: 'real-secret',
  };

  it('names a host’s variable after the carrier and the host', () => {
    expect(hostBaseUrlVariable('acme-post', 'number-recognition')).toBe(
      'CARRIER_ACME_POST_NUMBER_RECOGNITION_BASE_URL',
    );
  });

  it('serves every host from the simulator prefix without credentials', () => {
    expect(resolveCarrierSettings(multiHost, {}, 'http://sim').settings).toMatchObject({
      baseUrl: 'http://sim/acme-post',
      hosts: { label: 'http://sim/acme-post', 'number-recognition': 'http://sim/acme-post' },
      target: 'simulator',
    });
  });

  it('sends each host to its production URL with real credentials', () => {
    expect(resolveCarrierSettings(multiHost, realCredentials, 'http://sim').settings).toMatchObject(
      {
        baseUrl: 'https://poll.acme.example',
        hosts: {
          label: 'https://api.acme.example',
          'number-recognition': 'https://www.acme.example',
        },
        target: 'production',
      },
    );
  });

  it('moves every host with CARRIER_<ID>_BASE_URL, and one host with its own variable', () => {
    const env = {
      ...realCredentials,
      CARRIER_ACME_POST_BASE_URL: 'http://proxy.internal:8080',
      CARRIER_ACME_POST_LABEL_BASE_URL: 'https://label-proxy.internal',
    };
    expect(resolveCarrierSettings(multiHost, env, 'http://sim').settings).toMatchObject({
      baseUrl: 'http://proxy.internal:8080',
      hosts: {
        label: 'https://label-proxy.internal',
        'number-recognition': 'http://proxy.internal:8080',
      },
      target: 'custom',
    });
    const oneMoved = { ...realCredentials, CARRIER_ACME_POST_LABEL_BASE_URL: 'http://label.test' };
    expect(resolveCarrierSettings(multiHost, oneMoved, 'http://sim').settings).toMatchObject({
      baseUrl: 'https://poll.acme.example',
      hosts: { label: 'http://label.test', 'number-recognition': 'https://www.acme.example' },
      target: 'custom',
    });
  });

  it('names the variable behind a bad URL, once', () => {
    expect(
      resolveCarrierSettings(
        multiHost,
        {
          CARRIER_ACME_POST_BASE_URL: 'proxy.internal',
          CARRIER_ACME_POST_NUMBER_RECOGNITION_BASE_URL: 'www acme',
        },
        'http://sim',
      ).problems,
    ).toEqual([
      'CARRIER_ACME_POST_BASE_URL must be an http(s) URL (got "proxy.internal")',
      'CARRIER_ACME_POST_NUMBER_RECOGNITION_BASE_URL must be an http(s) URL (got "www acme")',
    ]);
  });

  it('leaves hosts out for a carrier that declares none', () => {
    expect(resolveCarrierSettings(carrier, {}, 'http://sim').settings).not.toHaveProperty('hosts');
  });
});
