/**
 * One writer per embedded database (issue 11, item 4). Two processes on one PGlite folder
 * used to both start, each writing its own copy back, and an acknowledged intercept and a
 * new API key were lost. Now the folder is locked: a second gateway exits at once naming
 * the holder, the admin CLI goes through the running gateway (its Unix socket) so a key it
 * creates works at once, and a gateway killed with SIGKILL leaves a stale lock that the
 * next one takes over, with everything acknowledged before the kill. On PostgreSQL (many
 * writers) the CLI works on the database directly and several gateways may run.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  ApiClient,
  type ExtraGateway,
  launchGateway,
  newKey,
  type Stack,
  startStack,
} from '@parcelgate/test-stack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Intercept } from './api-types.ts';

const embedded = (process.env.DATABASE_URL?.trim() ?? '') === '';

let stack: Stack;
const extras: ExtraGateway[] = [];

beforeAll(async () => {
  // `early`'s key is made by the CLI before the gateway starts: it holds the folder then.
  stack = await startStack({ tenants: ['early'] });
});

afterAll(async () => {
  for (const gateway of extras) {
    await gateway.stop();
  }
  await stack?.stop();
});

async function startAnother(): Promise<ExtraGateway> {
  const gateway = await launchGateway(stack);
  extras.push(gateway);
  return gateway;
}

/** Creates a key through the admin CLI and returns its id and the key. */
async function createKey(tenant: string): Promise<{ id: string; key: string; via: string }> {
  const created = await stack.admin(['keys', 'create', '--tenant', tenant, '--label', 'ops']);
  expect(created.code, created.stderr).toBe(0);
  const id = /Created key (\S+)/.exec(created.stdout)?.[1] ?? '';
  const key = created.stdout.trim().split('\n').at(-1) ?? '';
  return { id, key, via: created.stderr };
}

const dataDir = () => stack.databaseEnv.PARCELGATE_DATA_DIR ?? '';

describe('the admin CLI', () => {
  it('before the gateway starts, opens the database itself and lets it go', async () => {
    expect((await stack.client(stack.keys.early).get('/v1/carriers')).status).toBe(200);
  });
  it('while the gateway runs, creates a key that authenticates at once, lists it, and revokes it at once', async () => {
    const { id, key, via } = await createKey('latecomer');
    expect((await stack.client(key).get('/v1/carriers')).status).toBe(200);
    if (embedded) {
      expect(via).toContain(`Through the running gateway (pid ${stack.gatewayProcess.pid}`);
    }

    const listed = await stack.admin(['keys', 'list', '--tenant', 'latecomer']);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(new RegExp(`^${id} .* ops +live$`, 'm'));

    const revoked = await stack.admin(['keys', 'revoke', id]);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(revoked.stdout).toContain(`Revoked ${id}.`);
    expect((await stack.client(key).get('/v1/carriers')).status).toBe(401);
    const again = await stack.admin(['keys', 'revoke', id]);
    expect(again.code).toBe(1);
    expect(again.stdout).toContain(`No live key ${id}.`);
  });

  it('while the gateway runs, finds the database up to date (migrate)', async () => {
    const migrated = await stack.admin(['migrate']);
    expect(migrated.code, migrated.stderr).toBe(0);
    expect(migrated.stdout).toContain('Database is up to date.');
  });
});

describe.skipIf(!embedded)('the embedded database has one writer', () => {
  it('serves the admin channel on a socket only its user can open, not over TCP', async () => {
    const socket = await stat(join(dataDir(), 'admin.sock'));
    expect(socket.isSocket()).toBe(true);
    expect(socket.mode & 0o777).toBe(0o600);
    const overTcp = await stack.client(undefined).post('/admin', { op: 'keys.list' });
    expect([401, 404]).toContain(overTcp.status);
  });

  it('a second gateway on the folder exits at once, naming the folder and the holder', async () => {
    const second = await startAnother();
    const outcome = await second.ready().then(
      () => 'it started',
      () => 'it exited',
    );
    expect(outcome).toBe('it exited');
    expect(second.child.exitCode).toBe(1);
    expect(second.output()).toContain(
      `The data folder ${dataDir()} is in use by pid ${stack.gatewayProcess.pid}`,
    );
    const lock = JSON.parse(await readFile(join(dataDir(), 'parcelgate.lock'), 'utf8'));
    expect(lock.pid).toBe(stack.gatewayProcess.pid);
    expect((await stack.api.get('/v1/carriers')).status).toBe(200);
  });

  it('after SIGKILL the next gateway takes the folder over, with all that was acknowledged', async () => {
    const trackingNumber = await stack.sim.createParcel({ status: 'in_transit' });
    const intercepted = await stack.api.post<Intercept>(
      '/v1/intercepts',
      {
        carrier: 'sandbox',
        trackingNumber,
        reason: 'buyer_cancelled',
        pickupMode: 'platform_pickup',
      },
      { idempotencyKey: newKey() },
    );
    expect(intercepted.status, intercepted.text).toBe(201);
    const { key } = await createKey('before-the-kill');

    const killed = stack.gatewayProcess;
    const gone = new Promise((resolve) => killed.once('exit', resolve));
    killed.kill('SIGKILL');
    await gone;
    const stale = JSON.parse(await readFile(join(dataDir(), 'parcelgate.lock'), 'utf8'));
    expect(stale.pid).toBe(killed.pid);

    const next = await startAnother();
    await next.ready();
    const lock = JSON.parse(await readFile(join(dataDir(), 'parcelgate.lock'), 'utf8'));
    expect(lock.pid).toBe(next.child.pid);
    const read = await next.api.get<Intercept>(`/v1/intercepts/${intercepted.body.id}`);
    expect(read.status, read.text).toBe(200);
    expect(read.body.status).toBe(intercepted.body.status);
    expect((await new ApiClient(next.url, key).get('/v1/carriers')).status).toBe(200);
  });
});

describe.skipIf(embedded)('on PostgreSQL', () => {
  it('runs a second gateway beside the first', async () => {
    const second = await startAnother();
    await second.ready();
    expect((await second.api.get('/v1/carriers')).status).toBe(200);
    expect((await stack.api.get('/v1/carriers')).status).toBe(200);
  });
});
