/**
 * The wave as an operator runs it: the real `parcelgate` process against a local HTTP
 * stand-in for the batch API, once through a pseudo-terminal (util-linux `script`
 * allocates it, so stderr is a TTY and the live bar is drawn) and once piped (plain lines,
 * and `--json`).
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveOverHttp, WAVE_CSV, waveHandler } from '../__fixtures__/wave-scenario.ts';
import { EXIT_CODES } from '../exit-codes.ts';

const BIN = fileURLToPath(new URL('../bin.ts', import.meta.url));

/** Whether util-linux `script` is here (macOS's BSD `script` takes other flags). */
function hasUtilLinuxScript(): boolean {
  try {
    return execFileSync('script', ['--version'], { encoding: 'utf8' }).includes('util-linux');
  } catch {
    return false;
  }
}

interface ProcessRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command to its end, collecting its output. */
function run(
  file: string,
  args: string[],
  env: Record<string, string>,
  cwd: string,
): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    // stdin stays open: `script` ends the session when its input ends.
    const child = spawn(file, args, { cwd, env: { ...process.env, ...env }, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let folder: string;
let env: Record<string, string>;
let server: Awaited<ReturnType<typeof serveOverHttp>> | undefined;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'parcelgate-wave-tty-'));
  await writeFile(join(folder, 'wave-42.csv'), WAVE_CSV);
  env = { PARCELGATE_API_KEY: 'pk_test_secret', HOME: folder, NO_COLOR: '1' };
});

afterAll(async () => {
  await server?.close();
});

/** A fresh stand-in gateway per run, since the scenario advances with each read. */
async function freshGateway(): Promise<string> {
  await server?.close();
  server = await serveOverHttp(waveHandler());
  return server.url;
}

describe('a wave run as a process', () => {
  it.skipIf(!hasUtilLinuxScript())(
    'draws a live progress bar on a terminal, then the summary',
    async () => {
      const url = await freshGateway();
      const command = [
        process.execPath,
        BIN,
        '--url',
        url,
        'intercept',
        '--from-csv',
        'wave-42.csv',
      ]
        .map((word) => `'${word}'`)
        .join(' ');
      // -q: no "Script started" banner; -e: its exit code is the command's; -f: flush at once.
      const result = await run('script', ['-qefc', command, '/dev/null'], env, folder);
      expect(result.code).toBe(EXIT_CODES.partial);
      // The bar: cli-progress's classic shades, redrawn in place with carriage returns.
      expect(result.stdout).toMatch(
        /wave [\u2588\u2591]{16} [0-4]\/4 \| ok \d pending \d refused \d failed \d/,
      );
      expect(result.stdout).toMatch(/wave \u2588{16} 4\/4 \| ok 1 pending 1 refused 1 failed 1/);
      expect(result.stdout).toContain('\r');
      // No plain progress line on a terminal.
      expect(result.stdout).not.toContain('done (succeeded');
      expect(result.stdout).toMatch(/│ succeeded │ pending │ refused │ failed │ total │/);
      expect(result.stdout).toMatch(/│ #2 +│ refused +│ sandbox │ SBX100000024/);
      expect(result.stdout).not.toContain('pk_test_secret');
    },
  );

  it('prints plain progress lines on stderr and the summary on stdout when piped', async () => {
    const url = await freshGateway();
    const result = await run(
      process.execPath,
      [BIN, '--url', url, 'intercept', '--from-csv', 'wave-42.csv'],
      env,
      folder,
    );
    expect(result.code).toBe(EXIT_CODES.partial);
    expect(result.stderr).toContain(
      'icb_01JD3K9V7Q8M2N4P6R8T0V2X4Z: 4/4 done (succeeded 1, pending 1, refused 1, failed 1)\n',
    );
    expect(result.stderr).not.toMatch(/[\u2588\u2591\r]/);
    expect(result.stdout).toMatch(/^batch icb_01JD3K9V7Q8M2N4P6R8T0V2X4Z done\n/);
    expect(result.stdout).toMatch(/│ #4 +│ failed +│ sf +│ SF1234567890/);
  });

  it('prints only the JSON document with --json', async () => {
    const url = await freshGateway();
    const result = await run(
      process.execPath,
      [BIN, '--url', url, '--json', 'intercept', '--from-csv', 'wave-42.csv'],
      env,
      folder,
    );
    expect(result.code).toBe(EXIT_CODES.partial);
    expect(result.stderr).toBe('');
    const parsed = JSON.parse(result.stdout);
    expect(parsed.batch.counts).toMatchObject({ succeeded: 1, pending: 1, refused: 1, failed: 1 });
    expect(parsed.items).toHaveLength(4);
    expect(server?.sent[0]?.headers.get('authorization')).toBe('Bearer pk_test_secret');
  });
});
