import { describe, expect, it } from 'vitest';
import { fakeGateway, json, problem } from '../__fixtures__/fake-gateway.ts';
import { intercept } from '../__fixtures__/resources.ts';
import { runTestCli } from '../__fixtures__/test-io.ts';
import { EXIT_CODES } from '../exit-codes.ts';

describe('parcelgate intercept <carrier> <number>', () => {
  it('sends the request with a fresh Idempotency-Key per invocation and prints the outcome', async () => {
    const gateway = fakeGateway(() => json(201, intercept('accepted')));
    const argv = [
      'intercept',
      'sandbox',
      'SBX100000016',
      '--reason',
      'buyer_cancelled',
      '--order-ref',
      'TTS-5801',
    ];
    const first = await runTestCli(argv, { fetch: gateway.fetch });
    await runTestCli(argv, { fetch: gateway.fetch });
    expect(first.code).toBe(EXIT_CODES.ok);
    expect(gateway.sent[0]).toMatchObject({
      method: 'POST',
      path: '/v1/intercepts',
      body: {
        carrier: 'sandbox',
        trackingNumber: 'SBX100000016',
        reason: 'buyer_cancelled',
        pickupMode: 'platform_pickup',
        orderRef: 'TTS-5801',
      },
    });
    const keys = gateway.sent.map((sent) => sent.headers.get('idempotency-key'));
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).not.toBe(keys[0]);
    expect(first.stdout).toMatchInlineSnapshot(`
      "icp_01JD3K9V7Q8M2N4P6R8T0V2X4Z accepted: sandbox SBX100000016 (order TTS-5801)
      next: refund_buyer
      "
    `);
  });

  it('uses --idempotency-key, --pickup-mode and --wait as given', async () => {
    const gateway = fakeGateway(() => json(202, intercept('pending')));
    const run = await runTestCli(
      [
        'intercept',
        'ups',
        '1Z999',
        '--reason',
        'merchant_error',
        '--pickup-mode',
        'self_dropoff',
        '--idempotency-key',
        'wave-42-1',
        '--wait',
        '3',
      ],
      { fetch: gateway.fetch },
    );
    expect(run.code).toBe(EXIT_CODES.ok);
    expect(gateway.sent[0]?.headers.get('idempotency-key')).toBe('wave-42-1');
    expect(gateway.sent[0]?.headers.get('prefer')).toBe('wait=3');
    expect(gateway.sent[0]?.body).toMatchObject({ pickupMode: 'self_dropoff' });
    expect(run.stdout).toContain('parcelgate watch icp_01JD3K9V7Q8M2N4P6R8T0V2X4Z');
  });

  it('exits 4 when the carrier rejected it, and 3 with every reason when policy refused it', async () => {
    const rejected = fakeGateway(() => json(201, intercept('rejected')));
    const argv = ['intercept', 'sandbox', 'SBX1', '--reason', 'other'];
    expect((await runTestCli(argv, { fetch: rejected.fetch })).code).toBe(EXIT_CODES.partial);
    const refused = fakeGateway(() =>
      problem(422, 'not-eligible', {
        reasons: [
          { code: 'delivered', message: 'The parcel was already delivered.' },
          { code: 'window_closed', message: 'Too late.' },
        ],
      }),
    );
    const run = await runTestCli([...argv, '--json'], { fetch: refused.fetch });
    expect(run.code).toBe(EXIT_CODES.api);
    expect(
      JSON.parse(run.stdout).error.problem.reasons.map((r: { code: string }) => r.code),
    ).toEqual(['delivered', 'window_closed']);
  });

  it('tells the key to repeat with when the answer was lost', async () => {
    const run = await runTestCli(
      ['intercept', 'sandbox', 'SBX1', '--reason', 'other', '--idempotency-key', 'k-1'],
      {
        fetch: () => Promise.reject(new TypeError('fetch failed')),
      },
    );
    expect(run.code).toBe(EXIT_CODES.network);
    expect(run.stderr).toContain('repeat with --idempotency-key k-1');
  });

  it('exits 2 on a usage mistake without calling the gateway', async () => {
    const gateway = fakeGateway(() => json(500, {}));
    const cases = [
      ['intercept', 'sandbox', 'SBX1'],
      ['intercept', 'sandbox', 'SBX1', '--reason', 'bored'],
      ['intercept', 'sandbox'],
      ['intercept', 'sandbox', 'SBX1', '--reason', 'other', '--from-csv', 'x.csv'],
      ['frobnicate'],
    ];
    for (const argv of cases) {
      const run = await runTestCli(argv, { fetch: gateway.fetch });
      expect({ argv, code: run.code }).toEqual({ argv, code: EXIT_CODES.usage });
      expect(run.stderr).not.toBe('');
    }
    expect(gateway.sent).toEqual([]);
  });
});
