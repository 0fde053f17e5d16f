import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeGateway, json } from '../__fixtures__/fake-gateway.ts';
import { runTestCli } from '../__fixtures__/test-io.ts';
import { WAVE_CSV, waveHandler } from '../__fixtures__/wave-scenario.ts';
import { EXIT_CODES } from '../exit-codes.ts';

let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'parcelgate-wave-'));
  await writeFile(join(folder, 'wave-42.csv'), WAVE_CSV);
  await writeFile(join(folder, 'bad.csv'), 'carrier,trackingNumber,reason\nsandbox,SBX1,bored\n');
});

describe('parcelgate intercept --from-csv', () => {
  it('sends the rows as one batch, prints a line per change without a terminal, then the summary, exit 4', async () => {
    const gateway = fakeGateway(waveHandler());
    const run = await runTestCli(['intercept', '--from-csv', 'wave-42.csv'], {
      fetch: gateway.fetch,
      cwd: folder,
    });
    expect(run.code).toBe(EXIT_CODES.partial);
    const [post] = gateway.sent;
    expect(post?.path).toBe('/v1/intercepts/batch');
    const { items } = (post?.body ?? { items: [] }) as { items: unknown[] };
    expect(items).toHaveLength(4);
    expect(items[2]).toEqual({
      carrier: 'ups',
      trackingNumber: '1Z999AA10123456784',
      reason: 'merchant_error',
      pickupMode: 'self_dropoff',
      orderRef: 'TTS-5803',
    });
    const key = post?.headers.get('idempotency-key');
    expect(run.stderr.split('\n')).toEqual([
      `wave: 4 parcels from wave-42.csv, Idempotency-Key ${key}`,
      'batch icb_01JD3K9V7Q8M2N4P6R8T0V2X4Z accepted',
      'icb_01JD3K9V7Q8M2N4P6R8T0V2X4Z: 0/4 done (succeeded 0, pending 0, refused 0, failed 0)',
      'icb_01JD3K9V7Q8M2N4P6R8T0V2X4Z: 1/4 done (succeeded 1, pending 0, refused 0, failed 0)',
      'icb_01JD3K9V7Q8M2N4P6R8T0V2X4Z: 2/4 done (succeeded 1, pending 0, refused 1, failed 0)',
      'icb_01JD3K9V7Q8M2N4P6R8T0V2X4Z: 3/4 done (succeeded 1, pending 1, refused 1, failed 0)',
      'icb_01JD3K9V7Q8M2N4P6R8T0V2X4Z: 4/4 done (succeeded 1, pending 1, refused 1, failed 1)',
      '',
    ]);
    // Progress reads ask for counts only; the results are read once, in one page.
    expect(gateway.sent.slice(1).map((sent) => sent.path.split('?')[1])).toEqual([
      'limit=1',
      'limit=1',
      'limit=1',
      'limit=1',
      'limit=1000',
    ]);
    expect(run.stdout).toMatchInlineSnapshot(`
      "batch icb_01JD3K9V7Q8M2N4P6R8T0V2X4Z done
      ┌───────────┬─────────┬─────────┬────────┬───────┐
      │ succeeded │ pending │ refused │ failed │ total │
      ├───────────┼─────────┼─────────┼────────┼───────┤
      │ 1         │ 1       │ 1       │ 1      │ 4     │
      └───────────┴─────────┴─────────┴────────┴───────┘
      ┌──────┬──────────┬─────────┬────────────────────┬────────────────────────────────┬────────────────────────────────────┐
      │ row  │ outcome  │ carrier │ tracking number    │ intercept                      │ why                                │
      │ #2   │ refused  │ sandbox │ SBX100000024       │                                │ delivered: The parcel was already  │
      │      │          │         │                    │                                │ delivered.                         │
      │ #3   │ pending  │ ups     │ 1Z999AA10123456784 │ icp_01JD3K9V7Q8M2N4P6R8T0V2X42 │ the carrier decides later          │
      │      │          │         │                    │                                │ (pending)                          │
      │ #4   │ failed   │ sf      │ SF1234567890       │                                │ SF Express did not answer.         │
      └──────┴──────────┴─────────┴────────────────────┴────────────────────────────────┴────────────────────────────────────┘
      "
    `);
  });

  it('prints the batch and every item as one JSON document with --json, and no progress', async () => {
    const gateway = fakeGateway(waveHandler());
    const run = await runTestCli(
      [
        '--json',
        'intercept',
        '--from-csv',
        join(folder, 'wave-42.csv'),
        '--idempotency-key',
        'wave-42',
      ],
      { fetch: gateway.fetch },
    );
    expect(run.code).toBe(EXIT_CODES.partial);
    expect(run.stderr).toBe('');
    expect(gateway.sent[0]?.headers.get('idempotency-key')).toBe('wave-42');
    const result = JSON.parse(run.stdout);
    expect(result.batch).toMatchObject({
      id: 'icb_01JD3K9V7Q8M2N4P6R8T0V2X4Z',
      status: 'done',
      counts: { total: 4, succeeded: 1, pending: 1, refused: 1, failed: 1 },
    });
    expect(result.batch.items).toBeUndefined();
    expect(result.items.map((item: { outcome: string }) => item.outcome)).toEqual([
      'succeeded',
      'refused',
      'pending',
      'failed',
    ]);
  });

  it('exits 0 when nothing was refused or failed', async () => {
    const gateway = fakeGateway((request, index) => {
      const counts = {
        total: 1,
        queued: 0,
        running: 0,
        done: 1,
        succeeded: 1,
        pending: 0,
        refused: 0,
        failed: 0,
        cancelled: 0,
      };
      return json(index === 0 ? 202 : 200, {
        id: 'icb_1',
        status: 'done',
        counts,
        createdAt: 'x',
        completedAt: 'y',
        items: [],
        nextCursor: null,
        ...(request.method === 'POST' ? {} : {}),
      });
    });
    const run = await runTestCli(['intercept', '--from-csv', 'wave-42.csv'], {
      fetch: gateway.fetch,
      cwd: folder,
    });
    expect(run.code).toBe(EXIT_CODES.ok);
  });

  it('exits 2 on a bad file or a missing one, sending nothing', async () => {
    const gateway = fakeGateway(waveHandler());
    const bad = await runTestCli(['intercept', '--from-csv', 'bad.csv'], {
      fetch: gateway.fetch,
      cwd: folder,
    });
    expect(bad.code).toBe(EXIT_CODES.usage);
    expect(bad.stderr).toContain('line 2: reason "bored"');
    const missing = await runTestCli(['intercept', '--from-csv', 'nope.csv'], {
      fetch: gateway.fetch,
      cwd: folder,
    });
    expect(missing.code).toBe(EXIT_CODES.usage);
    expect(gateway.sent).toEqual([]);
  });
});
