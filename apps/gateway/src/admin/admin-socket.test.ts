import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DataDirLock, lockDataDir } from '../store/lock/data-dir-lock.ts';
import { adminOverSocket } from './admin-client.ts';
import type { AdminKey, AdminOperations } from './admin-operations.ts';
import { type AdminSocket, serveAdminSocket } from './admin-socket.ts';

const KEY: AdminKey = {
  id: 'key_1',
  tenantId: 'tnt_1',
  prefix: 'pgk_abcdef',
  label: 'ops',
  createdAt: '2025-01-02T03:04:05.000Z',
  revokedAt: null,
};

/** Operations that record what they were asked. */
function recordingOperations(calls: string[]): AdminOperations {
  return {
    async migrate() {
      calls.push('migrate');
      return [];
    },
    async createKey(tenant, label) {
      calls.push(`create ${tenant} ${label ?? '-'}`);
      return { id: 'key_2', key: 'pgk_secret', tenant };
    },
    async revokeKey(keyId) {
      calls.push(`revoke ${keyId}`);
      return keyId === 'key_1';
    },
    async listKeys(tenant) {
      calls.push(`list ${tenant ?? '*'}`);
      return [KEY];
    },
  };
}

function post(socketPath: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ socketPath, method: 'POST', path: '/admin' }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => {
        text += chunk.toString('utf8');
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

let dataDir: string;
let lock: DataDirLock;
let socket: AdminSocket | undefined;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'parcelgate-admin-'));
  lock = await lockDataDir(dataDir);
});

afterEach(async () => {
  await socket?.close();
  socket = undefined;
  await lock.release();
  await rm(dataDir, { recursive: true, force: true });
});

const lockFile = async () =>
  JSON.parse(await readFile(join(dataDir, 'parcelgate.lock'), 'utf8')) as { adminSocket?: string };

describe('the admin socket', () => {
  it('serves every command to the client, on a 0600 socket named in the lock', async () => {
    const calls: string[] = [];
    socket = await serveAdminSocket(recordingOperations(calls), lock);
    expect(socket.path).toBe(join(dataDir, 'admin.sock'));
    const info = await stat(socket.path);
    expect(info.isSocket()).toBe(true);
    expect(info.mode & 0o777).toBe(0o600);
    expect((await lockFile()).adminSocket).toBe(socket.path);

    const client = adminOverSocket(socket.path);
    expect(await client.migrate()).toEqual([]);
    expect(await client.createKey('acme', 'ci')).toEqual({
      id: 'key_2',
      key: 'pgk_secret',
      tenant: 'acme',
    });
    expect(await client.revokeKey('key_1')).toBe(true);
    expect(await client.revokeKey('key_9')).toBe(false);
    expect(await client.listKeys()).toEqual([KEY]);
    expect(await client.listKeys('acme')).toEqual([KEY]);
    expect(calls).toEqual([
      'migrate',
      'create acme ci',
      'revoke key_1',
      'revoke key_9',
      'list *',
      'list acme',
    ]);
  });

  it('answers 400 to a request it cannot run, and 500 with the failure', async () => {
    const operations = recordingOperations([]);
    socket = await serveAdminSocket(
      {
        ...operations,
        listKeys: async () => {
          throw new Error('database closed');
        },
      },
      lock,
    );
    expect(await post(socket.path, '{"op":"keys.create"}')).toEqual({
      status: 400,
      text: '{"error":"tenant is required"}',
    });
    expect((await post(socket.path, 'not json')).status).toBe(400);
    expect(await post(socket.path, '{"op":"drop"}')).toMatchObject({ status: 400 });
    await expect(adminOverSocket(socket.path).listKeys()).rejects.toThrow('database closed');
  });

  it('on close, removes the socket and its name from the lock', async () => {
    socket = await serveAdminSocket(recordingOperations([]), lock);
    const path = socket.path;
    await socket.close();
    socket = undefined;
    await expect(stat(path)).rejects.toMatchObject({ code: 'ENOENT' });
    expect((await lockFile()).adminSocket).toBeUndefined();
    await expect(adminOverSocket(path).migrate()).rejects.toThrow(
      `the gateway's admin channel ${path} failed`,
    );
  });

  it('replaces the file a killed gateway left at the socket path', async () => {
    await writeFile(join(dataDir, 'admin.sock'), '');
    socket = await serveAdminSocket(recordingOperations([]), lock);
    expect(await adminOverSocket(socket.path).migrate()).toEqual([]);
  });

  it('moves to a private folder under the temporary folder when the path is too long', async () => {
    await lock.release();
    const deep = join(dataDir, 'a'.repeat(60), 'b'.repeat(40));
    lock = await lockDataDir(deep);
    socket = await serveAdminSocket(recordingOperations([]), lock);
    expect(socket.path.startsWith(join(tmpdir(), 'parcelgate-'))).toBe(true);
    expect((await stat(join(socket.path, '..'))).mode & 0o777).toBe(0o700);
    const deepLock = JSON.parse(await readFile(join(deep, 'parcelgate.lock'), 'utf8'));
    expect(deepLock.adminSocket).toBe(socket.path);
    expect(await adminOverSocket(socket.path).migrate()).toEqual([]);
    const path = socket.path;
    await socket.close();
    socket = undefined;
    await expect(stat(join(path, '..'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
