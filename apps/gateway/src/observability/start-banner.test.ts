import type { CarrierDefinition } from '@parcelgate/carrier-kit';
import { describe, expect, it } from 'vitest';
import { createFakeCarrier } from '../../test/support/fake-carrier.ts';
import { resolveCarriers } from '../carriers/check-start.ts';
import { loadConfig } from '../config/load-config.ts';
import { startBanner } from './start-banner.ts';

const SECRETS = {
  databasePassword: 'pg-pass-4f1e',
  secretKey: 'a'.repeat(64),
  bootstrapKey: 'bootstrap_key_0123456789abcdef',
  clientSecret: 'client-secret-9b2c',
  proxyPassword: 'proxy-pass-77aa',
  queryPassword: 'query-pass-31d0',
};

const { carrier: base } = createFakeCarrier('acme-post');
const carrier: CarrierDefinition = {
  ...base,
  endpoints: {
    production: 'https://api.acme.example',
    hosts: { label: { production: 'https://label.acme.example' } },
  },
  credentials: [
    {
      key: 'clientId',
      env: 'CLIENT_ID',
      description: 'id',
      secret: false,
      required: true,
      sandboxDefault: 'sandbox-id',
    },
    {
      key: 'clientSecret',
      env: 'CLIENT_SECRET',
      description: 'secret',
      secret: true,
      required: true,
      sandboxDefault: 'sandbox-secret',
    },
  ],
};
const { carrier: simulated } = createFakeCarrier('other-post');

function bannerOf(env: Record<string, string>, roles?: readonly string[]) {
  const config = loadConfig(env);
  const { carriers, problems } = resolveCarriers([carrier, simulated], config);
  expect(problems).toEqual([]);
  return startBanner({ config, carriers, ...(roles === undefined ? {} : { roles }) });
}

describe('startBanner', () => {
  it('says what the gateway runs on, never a secret', () => {
    const banner = bannerOf(
      {
        PARCELGATE_ENV: 'production',
        PARCELGATE_ALLOW_SIMULATOR: 'true',
        HOST: '0.0.0.0',
        DATABASE_URL: `postgres://gateway:${SECRETS.databasePassword}@db.internal:5432/parcelgate?sslmode=require&password=${SECRETS.queryPassword}`,
        PARCELGATE_SECRET_KEY: SECRETS.secretKey,
        PARCELGATE_BOOTSTRAP_API_KEY: SECRETS.bootstrapKey,
        CARRIER_ACME_POST_CLIENT_ID: 'acme-id',
        CARRIER_ACME_POST_CLIENT_SECRET: SECRETS.clientSecret,
        CARRIER_ACME_POST_LABEL_BASE_URL: `https://user:${SECRETS.proxyPassword}@proxy.internal/label?token=${SECRETS.queryPassword}`,
      },
      ['serve'],
    );
    expect(banner.fields).toEqual({
      environment: 'production',
      roles: ['serve'],
      listen: 'http://0.0.0.0:8080',
      tracing: 'off',
      database: {
        engine: 'postgresql',
        host: 'db.internal',
        port: '5432',
        database: 'parcelgate',
        user: 'gateway',
      },
      carriers: [
        {
          id: 'acme-post',
          target: 'custom',
          url: 'https://api.acme.example',
          hosts: { label: 'https://proxy.internal/label' },
        },
        { id: 'other-post', target: 'simulator', url: 'http://127.0.0.1:4010/other-post' },
      ],
    });
    expect(banner.text).toContain('PostgreSQL parcelgate on db.internal:5432 as gateway');
    const everything = JSON.stringify(banner);
    for (const secret of Object.values(SECRETS)) {
      expect(everything).not.toContain(secret);
    }
    expect(everything).not.toContain('acme-id');
  });

  it('defaults to every role, names the embedded database and its folder', () => {
    const banner = bannerOf({ PARCELGATE_DATA_DIR: '/var/lib/parcelgate' });
    expect(banner.fields.roles).toEqual(['all']);
    expect(banner.fields.database).toEqual({ engine: 'embedded', dataDir: '/var/lib/parcelgate' });
    expect(banner.summary).toBe(
      'parcelgate gateway (development, roles: all) on http://127.0.0.1:8080; database: embedded PGlite in /var/lib/parcelgate; carriers: acme-post → simulator, other-post → simulator',
    );
  });

  it('names a PostgreSQL reached over a Unix socket by its folder', () => {
    const banner = bannerOf({ DATABASE_URL: 'postgresql:///parcelgate?host=/var/run/postgresql' });
    expect(banner.fields.database).toMatchObject({
      host: '/var/run/postgresql',
      database: 'parcelgate',
    });
  });
});
