/**
 * An in-process `CliIo` for tests: stdout and stderr collected as text, an environment of
 * the test's choosing, a fetch double, and a sleep that returns at once but records each
 * pause, so polling commands run in microseconds and their backoff can be checked.
 */
import { Writable } from 'node:stream';
import type { CliIo, OutputStream } from '../io.ts';
import { runCli } from '../run-cli.ts';

/** A collecting stream, a terminal or not. */
export interface CollectedStream {
  readonly stream: OutputStream;
  text(): string;
}

/** A stream that keeps what is written. */
export function collect(isTTY = false): CollectedStream {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream: Object.assign(stream, { isTTY, columns: 120 }), text: () => text };
}

/** What a test run of the CLI left behind. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** Every pause a polling loop asked for, in milliseconds. */
  readonly pauses: readonly number[];
}

/** How a test run is set up. */
export interface TestRunOptions {
  readonly fetch?: (request: Request) => Promise<Response>;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly cwd?: string;
  /** Aborts after this many pauses (an operator's Ctrl-C during `events tail`). */
  readonly interruptAfterPauses?: number;
}

/** Runs `parcelgate <argv>` in-process; the default env names a gateway and a key. */
export async function runTestCli(
  argv: readonly string[],
  options: TestRunOptions = {},
): Promise<CliRun> {
  const stdout = collect();
  const stderr = collect();
  const controller = new AbortController();
  const pauses: number[] = [];
  const io: CliIo = {
    stdout: stdout.stream,
    stderr: stderr.stream,
    env: options.env ?? {
      PARCELGATE_URL: 'https://gateway.test',
      PARCELGATE_API_KEY: 'pk_test_secret',
      // No config file is looked for in the test runner's home.
      HOME: undefined,
    },
    cwd: options.cwd ?? process.cwd(),
    fetch: options.fetch,
    signal: controller.signal,
    async sleep(ms, signal) {
      pauses.push(ms);
      if (pauses.length === options.interruptAfterPauses) {
        controller.abort(new Error('interrupted'));
      }
      signal.throwIfAborted();
    },
  };
  const code = await runCli(argv, io);
  return { code, stdout: stdout.text(), stderr: stderr.text(), pauses };
}
