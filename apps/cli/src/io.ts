/**
 * What a command reads from and writes to, passed in rather than taken from `process`, so
 * tests run commands in-process with their own streams, environment and clock.
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { FetchFunction } from '@parcelgate/sdk';

/**
 * A stream the command writes to: a Node writable (the progress bar draws on it with
 * cursor moves), telling whether a person is looking at it (a terminal) and how wide it is.
 */
export type OutputStream = NodeJS.WritableStream & {
  readonly isTTY?: boolean | undefined;
  readonly columns?: number | undefined;
};

/** Everything a command may touch outside itself. */
export interface CliIo {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Where relative paths (a CSV file) are read from. */
  readonly cwd: string;
  /** The fetch the SDK uses: the global one, or a test double. */
  readonly fetch?: FetchFunction | undefined;
  /** Waits `ms`, or rejects with the signal's reason once it aborts. */
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Aborted when the operator interrupts (Ctrl-C): polling loops stop at once. */
  readonly signal: AbortSignal;
}

/** Waits with node's timers, cancelled by the signal. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return delay(ms, undefined, { signal });
}

/** The real process's streams and environment. */
export function processIo(signal: AbortSignal): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    sleep,
    signal,
  };
}
