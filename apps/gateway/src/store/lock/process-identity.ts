import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';

/**
 * Who a process is, precisely enough to tell it from a later process that got the same
 * pid: the host, the kernel's boot id, the pid and the pid's start time (Linux `/proc`; the
 * last two are absent elsewhere, where the pid alone is checked).
 */
export interface ProcessIdentity {
  readonly pid: number;
  readonly hostname: string;
  /** `/proc/sys/kernel/random/boot_id`: a reboot starts pids over. */
  readonly bootId?: string | undefined;
  /** Field 22 of `/proc/<pid>/stat` (clock ticks after boot): differs for a reused pid. */
  readonly startTicks?: string | undefined;
}

/** Whether the process a lock names still runs: `unknown` when it is on another host. */
export type ProcessState = 'running' | 'gone' | 'unknown';

/** This process's identity. */
export function currentProcess(): ProcessIdentity {
  return {
    pid: process.pid,
    hostname: hostname(),
    bootId: readOptional('/proc/sys/kernel/random/boot_id'),
    startTicks: startTicksOf(process.pid),
  };
}

/**
 * Whether `identity` still runs. Another host's process cannot be checked (a folder shared
 * over the network), so it is `unknown` and must be treated as running. This process's own
 * pid is never "running" here: the caller knows what it holds itself.
 */
export function processState(identity: ProcessIdentity): ProcessState {
  if (identity.hostname !== hostname()) {
    return 'unknown';
  }
  const bootId = readOptional('/proc/sys/kernel/random/boot_id');
  if (identity.bootId !== undefined && bootId !== undefined && identity.bootId !== bootId) {
    return 'gone';
  }
  if (identity.pid === process.pid) {
    return 'gone';
  }
  try {
    process.kill(identity.pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') {
      return 'gone';
    }
  }
  const startTicks = startTicksOf(identity.pid);
  if (identity.startTicks !== undefined && startTicks !== undefined) {
    return identity.startTicks === startTicks ? 'running' : 'gone';
  }
  return 'running';
}

/** The start time of `pid` from `/proc/<pid>/stat`, or undefined without `/proc`. */
export function startTicksOf(pid: number): string | undefined {
  const stat = readOptional(`/proc/${pid}/stat`);
  if (stat === undefined) {
    return undefined;
  }
  // The command name (field 2) is in parentheses and may hold spaces or parentheses itself.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state), so field 22 is fields[19].
  return fields[19];
}

function readOptional(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return undefined;
  }
}
