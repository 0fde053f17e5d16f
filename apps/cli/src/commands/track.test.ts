import { describe, expect, it } from 'vitest';
import { fakeGateway, json, problem } from '../__fixtures__/fake-gateway.ts';
import { tracking } from '../__fixtures__/resources.ts';
import { runTestCli } from '../__fixtures__/test-io.ts';
import { EXIT_CODES } from '../exit-codes.ts';

describe('parcelgate track', () => {
  it('prints the status, whether it can be intercepted, and the events oldest first', async () => {
    const gateway = fakeGateway(() => json(200, tracking()));
    const run = await runTestCli(['track', 'sandbox', 'SBX100000016'], { fetch: gateway.fetch });
    expect(run.code).toBe(EXIT_CODES.ok);
    expect(gateway.sent[0]?.path).toBe('/v1/tracking/sandbox/SBX100000016');
    expect(gateway.sent[0]?.headers.get('authorization')).toBe('Bearer pk_test_secret');
    expect(run.stdout).toMatchInlineSnapshot(`
      "sandbox SBX100000016: in_transit
      interceptable: yes, likelihood high
        2026-11-25T08:00:00.000Z  picked_up          Picked up (Shenzhen)
        2026-11-25T20:00:00.000Z  in_transit         Departed sorting centre
      "
    `);
  });

  it('prints the answer as it is with --json', async () => {
    const gateway = fakeGateway(() => json(200, tracking()));
    const run = await runTestCli(['--json', 'track', 'sandbox', 'SBX100000016'], {
      fetch: gateway.fetch,
    });
    expect(JSON.parse(run.stdout)).toEqual(tracking());
  });

  it('exits 3 on a problem, saying which, and as {"error"} with --json', async () => {
    const gateway = fakeGateway(() => problem(404, 'parcel-not-found'));
    const human = await runTestCli(['track', 'sandbox', 'NOPE'], { fetch: gateway.fetch });
    expect(human.code).toBe(EXIT_CODES.api);
    expect(human.stderr).toBe('parcelgate: 404 parcel-not-found: parcel-not-found happened\n');
    const machine = await runTestCli(['track', 'sandbox', 'NOPE', '--json'], {
      fetch: gateway.fetch,
    });
    expect(machine.code).toBe(EXIT_CODES.api);
    expect(JSON.parse(machine.stdout)).toMatchObject({
      error: { kind: 'problem', problem: { status: 404, requestId: 'req-1' } },
    });
  });

  it('exits 5 when the gateway cannot be reached, without printing the key', async () => {
    const run = await runTestCli(['track', 'sandbox', 'SBX1'], {
      fetch: () =>
        Promise.reject(new TypeError('fetch failed', { cause: new Error('ECONNREFUSED') })),
    });
    expect(run.code).toBe(EXIT_CODES.network);
    expect(run.stderr).toContain('ECONNREFUSED');
    expect(run.stderr + run.stdout).not.toContain('pk_test_secret');
  });
});
