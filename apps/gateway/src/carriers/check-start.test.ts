import type { CarrierDefinition } from '@parcelgate/carrier-kit';
import { describe, expect, it } from 'vitest';
import { createFakeCarrier } from '../../test/support/fake-carrier.ts';
import { ConfigError } from '../config/load-config.ts';
import { checkStart } from './check-start.ts';

const { carrier: base } = createFakeCarrier('acme-post');
const carrier: CarrierDefinition = {
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
const { carrier: other } = createFakeCarrier('other-post');

/** Loads the two carriers above whatever the package names, as an installed package would. */
const importer = async (name: string) => ({ default: name === 'other' ? other : carrier });
const CARRIERS = { PARCELGATE_CARRIERS: 'acme,other', PARCELGATE_DATA_DIR: 'memory://' };

async function problemsOf(env: Record<string, string>): Promise<readonly string[]> {
  try {
    await checkStart(env, importer);
  } catch (error) {
    if (error instanceof ConfigError) {
      return error.problems;
    }
    throw error;
  }
  return [];
}

describe('checkStart', () => {
  it('starts a development gateway on the embedded database and the simulator', async () => {
    const { config, carriers } = await checkStart(CARRIERS, importer);
    expect(config.environment).toBe('development');
    expect(carriers.map((loaded) => loaded.id)).toEqual(['acme-post', 'other-post']);
  });

  it('refuses in production the embedded database and each carrier on the simulator, all at once', async () => {
    expect(await problemsOf({ ...CARRIERS, PARCELGATE_ENV: 'production' })).toEqual([
      'DATABASE_URL is required when PARCELGATE_ENV=production: without it the gateway runs on the embedded database, one process with its data in PARCELGATE_DATA_DIR (set PARCELGATE_ALLOW_EMBEDDED_DATABASE=true to run on it anyway)',
      'carrier "acme-post" would be sent to the simulator (http://127.0.0.1:4010/acme-post) when PARCELGATE_ENV=production: set CARRIER_ACME_POST_CLIENT_ID, CARRIER_ACME_POST_CLIENT_SECRET, leave it out of PARCELGATE_CARRIERS, or set PARCELGATE_ALLOW_SIMULATOR=true',
      'carrier "other-post" would be sent to the simulator (http://127.0.0.1:4010/other-post) when PARCELGATE_ENV=production: set CARRIER_OTHER_POST_BASE_URL, leave it out of PARCELGATE_CARRIERS, or set PARCELGATE_ALLOW_SIMULATOR=true',
    ]);
  });

  it('lists invalid variables, carriers and production refusals together', async () => {
    expect(
      await problemsOf({
        ...CARRIERS,
        PARCELGATE_ENV: 'production',
        DATABASE_URL: 'postgres://gateway:hunter2@db.internal:5432/parcelgate',
        PORT: 'eighty',
        CARRIER_ACME_POST_CLIENT_ID: 'real-id',
        CARRIER_OTHER_POST_BUDGET_TRACK_MS: '5',
      }),
    ).toEqual([
      'PORT must be a whole number from 0 to 65535 (got "eighty")',
      'CARRIER_ACME_POST_CLIENT_SECRET is required (OAuth secret)',
      'CARRIER_OTHER_POST_BUDGET_TRACK_MS must be a whole number from 50 to 60000 (got "5")',
    ]);
  });

  it('never echoes a secret, even a malformed one', async () => {
    const problems = await problemsOf({
      ...CARRIERS,
      DATABASE_URL: 'mysql://gateway:hunter2@db',
      PARCELGATE_SECRET_KEY: 'hunter2-too-short',
      PARCELGATE_BOOTSTRAP_API_KEY: 'hunter2',
    });
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).not.toContain('hunter2');
  });

  it('starts in production when asked for the fallbacks explicitly', async () => {
    await expect(
      checkStart(
        {
          ...CARRIERS,
          PARCELGATE_ENV: 'production',
          PARCELGATE_ALLOW_EMBEDDED_DATABASE: 'true',
          PARCELGATE_ALLOW_SIMULATOR: 'true',
        },
        importer,
      ),
    ).resolves.toMatchObject({ config: { environment: 'production' } });
  });

  it('starts in production on PostgreSQL with real credentials or moved carriers', async () => {
    await expect(
      checkStart(
        {
          ...CARRIERS,
          PARCELGATE_ENV: 'production',
          DATABASE_URL: 'postgres://db.internal/parcelgate',
          CARRIER_ACME_POST_CLIENT_ID: 'real-id',
          CARRIER_ACME_POST_CLIENT_SECRET: 'real-secret',
          CARRIER_OTHER_POST_BASE_URL: 'https://other.example',
        },
        importer,
      ),
    ).resolves.toBeDefined();
  });

  it('reports a carrier package that cannot be loaded with the other problems', async () => {
    const failing = async (name: string) => {
      throw new Error(`no package ${name}`);
    };
    await expect(checkStart({ PARCELGATE_CARRIERS: 'nope', PORT: 'x' }, failing)).rejects.toThrow(
      'Invalid configuration:\n  - PORT must be a whole number from 0 to 65535 (got "x")\n  - PARCELGATE_CARRIERS: Cannot load carrier package "nope": no package nope',
    );
  });
});
