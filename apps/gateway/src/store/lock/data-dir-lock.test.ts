import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, LOCK_FILE_NAME, lockDataDir } from './data-dir-lock.ts';
import type { LockHolder } from './lock-file.ts';
import { currentProcess, startTicksOf } from './process-identity.ts';

let dataDir: string;
let lockFile: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'parcelgate-lock-'));
  lockFile = join(dataDir, LOCK_FILE_NAME);
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** A lock file written as another process would have left it. */
async function leaveLock(fields: Partial<LockHolder>): Promise<LockHolder> {
  const holder: LockHolder = {
    ...currentProcess(),
    startedAt: '2025-01-02T03:04:05.000Z',
    command: 'node dist/main.js',
    nonce: 'earlier',
    ...fields,
  };
  await writeFile(lockFile, JSON.stringify(holder));
  return holder;
}

async function lockFileContent(): Promise<LockHolder> {
  return JSON.parse(await readFile(lockFile, 'utf8')) as LockHolder;
}

/** The pid of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid ?? 0;
}

describe('lockDataDir', () => {
  it('takes a free folder, naming this process in the lock file', async () => {
    const lock = await lockDataDir(dataDir, { command: 'parcelgate-gateway' });
    const holder = await lockFileContent();
    expect(holder).toMatchObject({ pid: process.pid, command: 'parcelgate-gateway' });
    expect(lock.dataDir).toBe(dataDir);
    await lock.release();
  });

  it('refuses a folder this process already holds', async () => {
    const lock = await lockDataDir(dataDir);
    const second = lockDataDir(dataDir);
    await expect(second).rejects.toBeInstanceOf(DataDirLockedError);
    await expect(second).rejects.toThrow(`${dataDir} is in use by pid ${process.pid}`);
    await lock.release();
  });

  it('refuses a folder a live process holds, naming it, and leaves its lock alone', async () => {
    const holder = await leaveLock({ pid: process.ppid, startTicks: startTicksOf(process.ppid) });
    const attempt = lockDataDir(dataDir);
    await expect(attempt).rejects.toThrow(
      `The data folder ${dataDir} is in use by pid ${process.ppid} (node dist/main.js), since 2025-01-02T03:04:05.000Z`,
    );
    const error = await attempt.catch((caught: unknown) => caught);
    expect(error).toMatchObject({ dataDir, lockFile, holder: { pid: process.ppid } });
    expect(await lockFileContent()).toEqual(JSON.parse(JSON.stringify(holder)));
  });

  it('takes over the lock of a process that has exited', async () => {
    await leaveLock({ pid: await deadPid() });
    const lock = await lockDataDir(dataDir);
    expect(await lockFileContent()).toMatchObject({ pid: process.pid });
    await lock.release();
  });

  it.skipIf(startTicksOf(process.pid) === undefined)(
    'takes over the lock of a pid now reused by another process',
    async () => {
      await leaveLock({ pid: process.ppid, startTicks: '1' });
      const lock = await lockDataDir(dataDir);
      expect(await lockFileContent()).toMatchObject({ pid: process.pid });
      await lock.release();
    },
  );

  it('takes over a lock this pid left in an earlier life (a container restarted as pid 1)', async () => {
    await leaveLock({ nonce: 'an-earlier-run' });
    const lock = await lockDataDir(dataDir);
    expect((await lockFileContent()).nonce).not.toBe('an-earlier-run');
    await lock.release();
  });

  it('refuses a lock from another host, telling how to clear it', async () => {
    await leaveLock({ hostname: 'another-host', pid: await deadPid() });
    await expect(lockDataDir(dataDir)).rejects.toThrow(
      `on host another-host, since 2025-01-02T03:04:05.000Z. The embedded database allows one process per folder: stop that one first, or use PostgreSQL (DATABASE_URL) to run several gateways. That host cannot be checked from here; if no process there uses the folder, delete ${lockFile}.`,
    );
  });

  it('lets exactly one of several processes take over a stale lock', async () => {
    await leaveLock({ pid: await deadPid() });
    const attempts = await Promise.allSettled(
      Array.from({ length: 8 }, () => lockDataDir(dataDir)),
    );
    const won = attempts.filter((attempt) => attempt.status === 'fulfilled');
    const lost = attempts.filter((attempt) => attempt.status === 'rejected');
    expect(won).toHaveLength(1);
    for (const attempt of lost) {
      expect(attempt.reason).toBeInstanceOf(DataDirLockedError);
    }
    expect(await readdir(dataDir)).toEqual([LOCK_FILE_NAME]);
    await won[0]?.value.release();
  });

  it('removes its lock on release, so the folder can be taken again', async () => {
    const first = await lockDataDir(dataDir);
    await first.release();
    expect(await readdir(dataDir)).toEqual([]);
    const second = await lockDataDir(dataDir);
    await first.release();
    expect(await lockFileContent()).toMatchObject({ pid: process.pid });
    await second.release();
  });

  it('records the admin socket for parcelgate-admin to find', async () => {
    const lock = await lockDataDir(dataDir);
    await lock.setAdminSocket('/run/parcelgate/admin.sock');
    expect(await lockFileContent()).toMatchObject({
      pid: process.pid,
      adminSocket: '/run/parcelgate/admin.sock',
    });
    await lock.release();
  });

  it('refuses a lock file it cannot read, naming it', async () => {
    await writeFile(lockFile, 'not json');
    await expect(lockDataDir(dataDir)).rejects.toThrow(
      `${lockFile} is not a lock file Parcelgate can read`,
    );
  });
});
