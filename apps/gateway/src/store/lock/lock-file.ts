import { randomBytes } from 'node:crypto';
import { link, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { ProcessIdentity } from './process-identity.ts';

/** What a lock file holds: who took it, since when, and how to reach it. */
export interface LockHolder extends ProcessIdentity {
  /** When the lock was taken (ISO 8601). */
  readonly startedAt: string;
  /** The holder's command line, to name it in errors. */
  readonly command: string;
  /** Random, per lock taken: tells this holding from any earlier one by the same pid. */
  readonly nonce: string;
  /** The holder's admin channel (a Unix socket), once it serves one. */
  readonly adminSocket?: string | undefined;
}

/**
 * Creates `file` holding `holder` unless it exists; false when it does. The content is
 * written to a private file first and hard-linked into place, so nobody ever reads a
 * half-written lock.
 */
export async function createExclusive(file: string, holder: LockHolder): Promise<boolean> {
  const draft = await writeDraft(file, holder);
  try {
    await link(draft, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      return false;
    }
    throw error;
  } finally {
    await rm(draft, { force: true });
  }
}

/** Replaces `file` with `holder` in one step (rename), whatever it held. */
export async function replaceLockFile(file: string, holder: LockHolder): Promise<void> {
  const draft = await writeDraft(file, holder);
  try {
    await rename(draft, file);
  } catch (error) {
    await rm(draft, { force: true });
    throw error;
  }
}

/** The holder recorded in `file`, or undefined when there is no such file. */
export async function readLockFile(file: string): Promise<LockHolder | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return undefined;
    }
    throw error;
  }
  return parseLockFile(file, text);
}

/** Parses a lock file's text; throws, naming the file, when it is not one of ours. */
export function parseLockFile(file: string, text: string): LockHolder {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  const record = (typeof value === 'object' && value !== null ? value : {}) as Record<
    string,
    unknown
  >;
  const { pid, hostname, nonce, startedAt, command } = record;
  if (
    typeof pid !== 'number' ||
    typeof hostname !== 'string' ||
    typeof nonce !== 'string' ||
    typeof startedAt !== 'string' ||
    typeof command !== 'string'
  ) {
    throw new Error(
      `${file} is not a lock file Parcelgate can read; delete it if no gateway uses the folder`,
    );
  }
  const optionalText = (name: string) =>
    typeof record[name] === 'string' ? record[name] : undefined;
  return {
    pid,
    hostname,
    nonce,
    startedAt,
    command,
    bootId: optionalText('bootId'),
    startTicks: optionalText('startTicks'),
    adminSocket: optionalText('adminSocket'),
  };
}

async function writeDraft(file: string, holder: LockHolder): Promise<string> {
  const draft = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.draft`);
  await writeFile(draft, `${JSON.stringify(holder, null, 2)}\n`, { flag: 'wx', mode: 0o644 });
  return draft;
}
