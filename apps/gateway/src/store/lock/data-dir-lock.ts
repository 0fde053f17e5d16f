/**
 * One process per embedded-database folder. PGlite is PostgreSQL in one process with
 * nothing that coordinates two: two processes on one folder each cache and write the same
 * files, and acknowledged intercepts and new API keys were lost that way. The lock file
 * `<folder>/parcelgate.lock` names its holder; a second process fails at once, naming it.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { createExclusive, type LockHolder, readLockFile, replaceLockFile } from './lock-file.ts';
import { currentProcess, processState } from './process-identity.ts';

export type { LockHolder } from './lock-file.ts';

/** The lock file's name inside the data folder. */
export const LOCK_FILE_NAME = 'parcelgate.lock';

/** Thrown when another live process holds the folder; names the folder and the holder. */
export class DataDirLockedError extends Error {
  readonly dataDir: string;
  readonly lockFile: string;
  readonly holder: LockHolder;

  constructor(dataDir: string, lockFile: string, holder: LockHolder) {
    const elsewhere = holder.hostname !== currentProcess().hostname;
    super(
      `The data folder ${dataDir} is in use by pid ${holder.pid} (${holder.command})` +
        `${elsewhere ? ` on host ${holder.hostname}` : ''}, since ${holder.startedAt}. ` +
        'The embedded database allows one process per folder: stop that one first, or use ' +
        'PostgreSQL (DATABASE_URL) to run several gateways.' +
        (elsewhere
          ? ` That host cannot be checked from here; if no process there uses the folder, delete ${lockFile}.`
          : ''),
    );
    this.name = 'DataDirLockedError';
    this.dataDir = dataDir;
    this.lockFile = lockFile;
    this.holder = holder;
  }
}

/** A data folder held by this process. */
export interface DataDirLock {
  /** The folder, as an absolute path. */
  readonly dataDir: string;
  readonly file: string;
  /** Records this process's admin channel in the lock, where `parcelgate-admin` finds it. */
  setAdminSocket(path: string | undefined): Promise<void>;
  /** Gives the folder up (also done when the process exits). */
  release(): Promise<void>;
}

/** Lock files this process holds, by path, with their nonce. */
const held = new Map<string, string>();
let exitHookInstalled = false;

/**
 * Takes the folder (created when missing) for this process, or throws
 * `DataDirLockedError`. A lock left by a process that no longer runs (killed, crashed, a
 * reboot, a reused pid) is taken over; of several processes taking one over at once,
 * exactly one wins.
 */
export async function lockDataDir(
  dataDir: string,
  options: { readonly command?: string } = {},
): Promise<DataDirLock> {
  const folder = resolve(dataDir);
  await mkdir(folder, { recursive: true });
  const file = join(folder, LOCK_FILE_NAME);
  let holder: LockHolder = {
    ...currentProcess(),
    startedAt: new Date().toISOString(),
    command: options.command ?? defaultCommand(),
    nonce: randomBytes(12).toString('hex'),
  };
  const blocking = await claim(file, holder, 0);
  if (blocking !== undefined) {
    throw new DataDirLockedError(folder, file, blocking);
  }
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', releaseAllSync);
  }
  return {
    dataDir: folder,
    file,
    async setAdminSocket(path) {
      if (held.get(file) === holder.nonce) {
        holder = { ...holder, adminSocket: path };
        await replaceLockFile(file, holder);
      }
    },
    async release() {
      if (held.get(file) !== holder.nonce) {
        return;
      }
      held.delete(file);
      if ((await readLockFile(file).catch(() => undefined))?.nonce === holder.nonce) {
        await rm(file, { force: true });
      }
    },
  };
}

/** The live holder of `file` if any, else undefined (the folder is free, or its lock stale). */
export async function liveHolder(file: string): Promise<LockHolder | undefined> {
  const holder = await readLockFile(file);
  return holder !== undefined && isLive(holder, file) ? holder : undefined;
}

/**
 * Creates `file` for `self`, or takes it over from a holder that is gone; returns the live
 * holder that prevents it, if any. A takeover is itself guarded by a claim file named after
 * the stale holding (`<file>.<nonce>`, same rules, recursively), so only one process
 * replaces a given stale lock, and it checks the lock is still that one before it does.
 */
async function claim(
  file: string,
  self: LockHolder,
  depth: number,
): Promise<LockHolder | undefined> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    if (await createExclusive(file, self)) {
      held.set(file, self.nonce);
      return undefined;
    }
    const holder = await readLockFile(file);
    if (holder === undefined) {
      continue; // released in between: try again
    }
    if (isLive(holder, file)) {
      return holder;
    }
    if (depth >= 4) {
      throw new Error(`${file}: too many abandoned takeovers; delete ${file}.* and retry`);
    }
    const claimFile = `${file}.${holder.nonce}`;
    // A live process taking the stale lock over becomes its holder: report it as such.
    const taking = await claim(claimFile, self, depth + 1);
    if (taking !== undefined) {
      return taking;
    }
    try {
      if ((await readLockFile(file))?.nonce === holder.nonce) {
        await replaceLockFile(file, self);
        held.set(file, self.nonce);
        return undefined;
      }
    } finally {
      held.delete(claimFile);
      await rm(claimFile, { force: true });
    }
  }
  throw new Error(`${file} keeps changing; is something else deleting it?`);
}

function isLive(holder: LockHolder, file: string): boolean {
  if (holder.pid === process.pid && holder.hostname === currentProcess().hostname) {
    return held.get(file) === holder.nonce;
  }
  return processState(holder) !== 'gone';
}

function releaseAllSync(): void {
  for (const [file, nonce] of held) {
    try {
      if ((JSON.parse(readFileSync(file, 'utf8')) as { nonce?: unknown }).nonce === nonce) {
        unlinkSync(file);
      }
    } catch {
      // Already gone, or not ours any more.
    }
  }
  held.clear();
}

function defaultCommand(): string {
  return [basename(process.execPath), ...process.argv.slice(1)].join(' ');
}
