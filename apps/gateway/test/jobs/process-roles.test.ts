/**
 * What `buildApp` does for each role, on PGlite and (with `DATABASE_URL`) PostgreSQL: a
 * start that may not migrate refuses an unmigrated database, naming the command; the
 * worker's app serves liveness, readiness and metrics, no API.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp, DatabaseNotMigratedError, type GatewayApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { migrate } from '../../src/store/migrate.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-database.ts';

const stores: TestDatabase[] = [];
const apps: GatewayApp[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) {
    await app.close();
  }
  for (const store of stores.splice(0)) {
    await store.drop();
  }
});

async function store(): Promise<TestDatabase> {
  const opened = await openTestDatabase(true);
  stores.push(opened);
  return opened;
}

const config = (databaseUrl: string | undefined) =>
  loadConfig(databaseUrl === undefined ? {} : { DATABASE_URL: databaseUrl });

describe('process roles', () => {
  it('refuses to build on an unmigrated database when it may not migrate', async () => {
    const { database, databaseUrl } = await store();
    const building = buildApp({
      config: config(databaseUrl),
      database,
      logger: false,
      migrate: 'check',
    });
    await expect(building).rejects.toThrow(DatabaseNotMigratedError);
    await expect(building).rejects.toThrow(/0001_initial[\s\S]*parcelgate-gateway migrate/);
  });

  it('builds once migrated; the worker serves readiness and metrics but no API', async () => {
    const { database, databaseUrl } = await store();
    await migrate(database);
    const app = await buildApp({
      config: config(databaseUrl),
      database,
      logger: false,
      migrate: 'check',
      api: false,
    });
    apps.push(app);
    expect((await app.inject({ url: '/readyz' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/metrics' })).statusCode).toBe(200);
    // No such route: 404 with a valid key (scale-out.e2e.test.ts), 401 without one.
    expect((await app.inject({ url: '/v1/carriers' })).statusCode).toBe(401);
    expect((await app.inject({ url: '/openapi.json' })).statusCode).toBe(401);
  });
});
