/**
 * `parcelgate` against the real gateway and simulator (@parcelgate/test-stack): track,
 * intercept and watch run in-process on the real fetch; a CSV wave runs as the real
 * process through a pseudo-terminal (util-linux `script`) and piped with `--json`, on the
 * gateway's batch API.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureGatewayBuilt, type Stack, startStack } from '@parcelgate/test-stack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect } from '../../src/__fixtures__/test-io.ts';
import { EXIT_CODES } from '../../src/exit-codes.ts';
import { type CliIo, sleep } from '../../src/io.ts';
import { runCli } from '../../src/run-cli.ts';

const BIN = fileURLToPath(new URL('../../src/bin.ts', import.meta.url));
const FOUR_HOURS_MS = 4 * 3_600_000;

let stack: Stack;
let folder: string;

beforeAll(async () => {
  await ensureGatewayBuilt();
  stack = await startStack({
    seed: 'parcelgate-cli',
    gatewayEnv: () => ({
      // Each read sees the parcel as the simulator's clock left it.
      TRACKING_CACHE_TTL_MS: '0',
      // Accepted intercepts are followed to their outcome within the test.
      PARCELGATE_RECONCILE_INTERVAL_MS: '200',
      LOG_LEVEL: 'warn',
    }),
  });
  folder = await mkdtemp(join(tmpdir(), 'parcelgate-cli-e2e-'));
});

afterAll(async () => {
  await stack?.stop();
});

/** Runs `parcelgate <argv>` in-process on the real fetch and timers. */
async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = collect();
  const stderr = collect();
  const io: CliIo = {
    stdout: stdout.stream,
    stderr: stderr.stream,
    env: { PARCELGATE_URL: stack.gatewayUrl, PARCELGATE_API_KEY: stack.apiKey },
    cwd: folder,
    sleep,
    signal: new AbortController().signal,
  };
  const code = await runCli(argv, io);
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/** Runs a command as a process to its end. */
function run(
  file: string,
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      cwd: folder,
      env: {
        ...process.env,
        PARCELGATE_URL: stack.gatewayUrl,
        PARCELGATE_API_KEY: stack.apiKey,
        HOME: folder,
      },
      stdio: 'pipe',
    });
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

describe('parcelgate against the gateway', () => {
  it('tracks a parcel', async () => {
    const trackingNumber = await stack.sim.createParcel({ status: 'in_transit' });
    const result = await cli(['track', 'sandbox', trackingNumber]);
    expect(result.code).toBe(EXIT_CODES.ok);
    expect(result.stdout).toContain(`sandbox ${trackingNumber}: in_transit`);
    expect(result.stdout).toContain('interceptable: yes');
  });

  it('intercepts a parcel once per key, and exits 3 with the reasons when policy refuses', async () => {
    const trackingNumber = await stack.sim.createParcel({ status: 'picked_up' });
    const argv = [
      '--json',
      'intercept',
      'sandbox',
      trackingNumber,
      '--reason',
      'merchant_error',
      '--idempotency-key',
      `cli-${trackingNumber}`,
    ];
    const first = await cli(argv);
    const again = await cli(argv);
    const intercept = JSON.parse(first.stdout) as { id: string; status: string };
    expect(intercept).toMatchObject({ trackingNumber });
    // The simulator's station misses a few parcels (seeded chance): a rejection exits 4.
    expect(intercept.status).toMatch(/^(accepted|rejected)$/);
    expect(first.code).toBe(intercept.status === 'accepted' ? EXIT_CODES.ok : EXIT_CODES.partial);
    expect(JSON.parse(again.stdout).id).toBe(intercept.id);
    expect((await stack.sim.parcel(trackingNumber)).calls.intercept).toBe(1);

    const delivered = await stack.sim.createParcel({ status: 'delivered' });
    const refused = await cli(['intercept', 'sandbox', delivered, '--reason', 'buyer_cancelled']);
    expect(refused.code).toBe(EXIT_CODES.api);
    expect(refused.stderr).toMatch(/^parcelgate: 422 .*delivered/);
  });

  it('watches an intercept from accepted to returned, printing each transition', async () => {
    // The simulator's station misses a few parcels (seeded chance): take one it caught.
    let id = '';
    for (let attempt = 0; attempt < 5 && id === ''; attempt++) {
      const trackingNumber = await stack.sim.createParcel({ status: 'picked_up' });
      const created = await cli([
        '--json',
        'intercept',
        'sandbox',
        trackingNumber,
        '--reason',
        'merchant_error',
      ]);
      const intercept = JSON.parse(created.stdout) as { id: string; status: string };
      id = intercept.status === 'accepted' ? intercept.id : '';
    }
    expect(id).not.toBe('');
    const watching = cli(['watch', id, '--max-interval', '500']);
    let finished = false;
    void watching.then(() => {
      finished = true;
    });
    // The parcel turns back as the simulator's clock moves; reconciliation sees it.
    for (let step = 0; step < 200 && !finished; step++) {
      await stack.sim.advanceClock(FOUR_HOURS_MS);
      await sleep(250, new AbortController().signal);
    }
    const result = await watching;
    expect(result.code).toBe(EXIT_CODES.ok);
    const statuses = result.stdout
      .trim()
      .split('\n')
      .map((line) => line.split(/\s+/)[1]);
    expect(statuses.slice(0, 2)).toEqual(['pending', 'accepted']);
    expect(statuses).toContain('returning');
    expect(result.stdout).toContain(`${id} is returned: final`);
  });
});

/** Whether util-linux `script` is here to give the CLI a pseudo-terminal. */
function hasUtilLinuxScript(): boolean {
  try {
    return execFileSync('script', ['--version'], { encoding: 'utf8' }).includes('util-linux');
  } catch {
    return false;
  }
}

describe('a CSV wave on the batch API', () => {
  /** A wave of parcels in these states; in transit is interceptable, the others not. */
  async function waveFile(name: string, states: string[]): Promise<string[]> {
    const numbers: string[] = [];
    for (const status of states) {
      numbers.push(await stack.sim.createParcel({ status }));
    }
    const rows = numbers.map((number, index) => `sandbox,${number},merchant_error,WAVE-${index}`);
    await writeFile(
      join(folder, name),
      ['carrier,trackingNumber,reason,orderRef', ...rows, ''].join('\n'),
    );
    return numbers;
  }

  it.skipIf(!hasUtilLinuxScript())(
    'shows the live bar on a terminal, then the summary',
    async () => {
      const numbers = await waveFile('wave-tty.csv', [
        'in_transit',
        'delivered',
        'in_transit',
        'out_for_delivery',
      ]);
      const command = [
        process.execPath,
        BIN,
        'intercept',
        '--from-csv',
        'wave-tty.csv',
        '--pickup-mode',
        'platform_pickup',
      ]
        .map((word) => `'${word}'`)
        .join(' ');
      const result = await run('script', ['-qefc', command, '/dev/null']);
      expect(result.code, result.stdout).toBe(EXIT_CODES.partial);
      expect(result.stdout).toMatch(
        /wave [\u2588\u2591]{16} \d\/4 \| ok \d pending \d refused \d failed \d/,
      );
      const last = /wave \u2588{16} 4\/4 \| ok (\d) pending 0 refused (\d) failed 0/.exec(
        result.stdout,
      );
      // Two parcels are out of the window; the carrier may still miss an in-transit one.
      expect(Number(last?.[1]) + Number(last?.[2])).toBe(4);
      expect(Number(last?.[2])).toBeGreaterThanOrEqual(2);
      expect(result.stdout).toMatch(new RegExp(`│ #2 +│ refused +│ sandbox │ ${numbers[1]}`));
      expect(result.stdout).not.toContain(stack.apiKey);
    },
  );

  it('prints plain lines when piped, and each item with --json', async () => {
    const numbers = await waveFile('wave-pipe.csv', ['in_transit', 'delivered']);
    const plain = await run(process.execPath, [
      BIN,
      'intercept',
      '--from-csv',
      'wave-pipe.csv',
      '--pickup-mode',
      'self_dropoff',
    ]);
    expect(plain.code, plain.stderr).toBe(EXIT_CODES.partial);
    expect(plain.stderr).toMatch(
      /icb_[0-9A-Z]{26}: 2\/2 done \(succeeded [01], pending 0, refused [12], failed 0\)\n/,
    );
    expect(plain.stdout).toMatch(new RegExp(`│ refused +│ sandbox │ ${numbers[1]}`));

    await waveFile('wave-json.csv', ['picked_up']);
    const json = await run(process.execPath, [
      BIN,
      '--json',
      'intercept',
      '--from-csv',
      'wave-json.csv',
      '--pickup-mode',
      'platform_pickup',
    ]);
    const parsed = JSON.parse(json.stdout) as {
      batch: { status: string };
      items: { outcome: string; interceptId: string | null }[];
    };
    expect(parsed.batch.status).toBe('done');
    expect(parsed.items).toHaveLength(1);
    const [item] = parsed.items;
    // Succeeded exits 0; a parcel the station missed is refused, and the wave exits 4.
    expect(json.code).toBe(item?.outcome === 'succeeded' ? EXIT_CODES.ok : EXIT_CODES.partial);
  });
});
