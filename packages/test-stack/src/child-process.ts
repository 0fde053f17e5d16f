/**
 * Node child processes the stack starts: their output kept (bounded) to explain a failure,
 * readiness awaited on events (a line in the output, a health check, the exit), never on a
 * fixed sleep, and every one killed if the parent exits without stopping it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { openSync } from 'node:fs';

/**
 * Environment variables of the parent that must not leak into an isolated child: they
 * would point the gateway at another port, database or carrier.
 */
const CONTROLLED_ENV = /^(?:PORT|HOST|DATABASE_URL|LOG_LEVEL|PARCELGATE_.*|CARRIER_.*)$/;

/** Output kept per process: enough to explain a failure, bounded so a long run cannot bloat. */
const MAX_OUTPUT_CHARS = 4_000_000;

/** How long a stopped process may take to exit after SIGTERM before it gets SIGKILL. */
const STOP_GRACE_MS = 30_000;

/** Options of {@link launch}. */
export interface LaunchOptions {
  /** Variables set for the child, over the parent's. */
  readonly env: Readonly<Record<string, string>>;
  /**
   * Whether the parent's settings (`PORT`, `HOST`, `DATABASE_URL`, `LOG_LEVEL`,
   * `PARCELGATE_*`, `CARRIER_*`) are left out. Default true: a test's stack is its own.
   */
  readonly isolated?: boolean;
  /** A file the child's stdout goes to instead of a pipe (its lines then cost the parent nothing). */
  readonly stdoutFile?: string;
  /** Called with each chunk the child prints (to show it, prefixed, as `pnpm start` does). */
  readonly onOutput?: (chunk: string, stream: 'stdout' | 'stderr') => void;
  /** Flags for Node itself, before the script. */
  readonly nodeFlags?: readonly string[];
  /** Arguments after the script (a gateway's role). */
  readonly args?: readonly string[];
}

/** A process the stack started. */
export interface Launched {
  readonly name: string;
  readonly child: ChildProcess;
  /** Settles when the process has exited, with how: `exit code N` or the signal. */
  readonly exit: Promise<string>;
  /** What it printed so far (stdout, unless sent to a file, and stderr). */
  output(): string;
  exited(): boolean;
  /** SIGTERM, then SIGKILL if it has not exited after a grace period; resolves once it has. */
  stop(): Promise<void>;
}

/** Children still running, killed if the parent exits without `stop()`. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) {
    child.kill('SIGKILL');
  }
});

/** Runs `node <script>` as a child process. */
export function launch(name: string, script: string, options: LaunchOptions): Launched {
  const child = spawn(
    process.execPath,
    [...(options.nodeFlags ?? []), script, ...(options.args ?? [])],
    {
      env: { ...parentEnv(options.isolated ?? true), ...options.env },
      stdio: [
        'ignore',
        options.stdoutFile === undefined ? 'pipe' : openSync(options.stdoutFile, 'a'),
        'pipe',
      ],
    },
  );
  running.add(child);
  let output = '';
  const append = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    output += text;
    if (output.length > MAX_OUTPUT_CHARS) {
      output = output.slice(-MAX_OUTPUT_CHARS / 2);
    }
    options.onOutput?.(text, stream);
  };
  child.stdout?.on('data', append('stdout'));
  child.stderr?.on('data', append('stderr'));
  const exit = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve(signal ?? `exit code ${code}`);
    });
  });
  const exited = () => child.exitCode !== null || child.signalCode !== null;
  return {
    name,
    child,
    exit,
    output: () => output,
    exited,
    async stop() {
      if (exited()) {
        return;
      }
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await exit;
      clearTimeout(timer);
    },
  };
}

/** The parent's environment, less its stack settings when `isolated`. */
export function parentEnv(isolated: boolean): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && !(isolated && CONTROLLED_ENV.test(name))) {
      env[name] = value;
    }
  }
  return env;
}

/**
 * Resolves with the first match of `pattern` in what the process prints (its first group,
 * if any); rejects if the process exits first. No timeout of its own: the caller's test
 * or hook timeout bounds it, so a slow machine only makes it slower.
 */
export function waitForLine(launched: Launched, pattern: RegExp): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const check = () => {
      const found = pattern.exec(launched.output());
      if (found !== null) {
        stopListening();
        resolve(found[1] ?? found[0]);
      }
    };
    const onExit = () => {
      stopListening();
      reject(new Error(`${launched.name} exited before it was ready:\n${launched.output()}`));
    };
    const stopListening = () => {
      launched.child.stdout?.off('data', check);
      launched.child.stderr?.off('data', check);
      launched.child.off('exit', onExit);
    };
    launched.child.stdout?.on('data', check);
    launched.child.stderr?.on('data', check);
    launched.child.once('exit', onExit);
    if (launched.exited()) {
      onExit();
      return;
    }
    check();
  });
}

/**
 * How long a process may take to answer its health check at all: far beyond any start-up
 * seen (PGlite's first start on a busy 2-core machine took tens of seconds), only there so
 * a process that hangs without exiting fails the run instead of holding it forever.
 */
const READY_LIMIT_MS = 600_000;

/**
 * Resolves once `url` answers 2xx; rejects as soon as the process exits. It asks again
 * after each failed try (a refused connection fails at once), a little later each time.
 */
export async function waitUntilHealthy(launched: Launched, url: string): Promise<void> {
  const gaveUpAt = Date.now() + READY_LIMIT_MS;
  let pauseMs = 20;
  while (!launched.exited()) {
    const ok = await fetch(url, { signal: AbortSignal.timeout(30_000) }).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) {
      return;
    }
    if (Date.now() > gaveUpAt) {
      throw new Error(`${launched.name} was not ready at ${url}:\n${launched.output()}`);
    }
    await Promise.race([new Promise((resolve) => setTimeout(resolve, pauseMs)), launched.exit]);
    pauseMs = Math.min(pauseMs * 2, 250);
  }
  throw new Error(`${launched.name} exited before it was ready:\n${launched.output()}`);
}
