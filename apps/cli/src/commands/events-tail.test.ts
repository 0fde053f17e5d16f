import { describe, expect, it } from 'vitest';
import { fakeGateway, json } from '../__fixtures__/fake-gateway.ts';
import { interceptEvent } from '../__fixtures__/resources.ts';
import { runTestCli } from '../__fixtures__/test-io.ts';
import { EXIT_CODES } from '../exit-codes.ts';

const page = (ids: string[], nextCursor: string | null = null) =>
  json(200, { data: ids.map((id) => interceptEvent(id, 'accepted')), nextCursor });

describe('parcelgate events tail', () => {
  it('prints the last -n first, then only new events, oldest first, until interrupted', async () => {
    // Newest first, as GET /v1/events answers.
    const answers = [
      ['e3', 'e2', 'e1'],
      ['e3', 'e2', 'e1'],
      ['e5', 'e4', 'e3', 'e2'],
      // e3b committed late, below e5 which was already printed: still told once.
      ['e6', 'e5', 'e3b', 'e4'],
    ];
    const gateway = fakeGateway((_request, index) =>
      page(answers[Math.min(index, answers.length - 1)] ?? []),
    );
    const run = await runTestCli(
      [
        'events',
        'tail',
        '-n',
        '2',
        '--type',
        'intercept.accepted',
        '--type',
        'intercept.failed',
        '--json',
      ],
      {
        fetch: gateway.fetch,
        interruptAfterPauses: 5,
      },
    );
    expect(run.code).toBe(EXIT_CODES.interrupted);
    const ids = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line).id);
    expect(ids).toEqual(['e2', 'e3', 'e4', 'e5', 'e3b', 'e6']);
    expect(gateway.sent[0]?.path).toBe(
      '/v1/events?limit=100&type=intercept.accepted&type=intercept.failed',
    );
  });

  it('walks older pages while a whole page is new, and prints a human line per event', async () => {
    const answers = [page([]), page(['e4', 'e3'], 'c1'), page(['e2', 'e1'], null)];
    const gateway = fakeGateway((_request, index) => answers[index] ?? page(['e4', 'e3'], 'c1'));
    const run = await runTestCli(
      ['events', 'tail', '--object-id', 'icp_01JD3K9V7Q8M2N4P6R8T0V2X4Z'],
      {
        fetch: gateway.fetch,
        interruptAfterPauses: 2,
      },
    );
    expect(gateway.sent[2]?.path).toContain('cursor=c1');
    expect(gateway.sent[0]?.path).toContain('objectId=icp_01JD3K9V7Q8M2N4P6R8T0V2X4Z');
    expect(
      run.stdout
        .trim()
        .split('\n')
        .map((line) => line.split(/\s+/)[2]),
    ).toEqual([
      'icp_01JD3K9V7Q8M2N4P6R8T0V2X4Z',
      'icp_01JD3K9V7Q8M2N4P6R8T0V2X4Z',
      'icp_01JD3K9V7Q8M2N4P6R8T0V2X4Z',
      'icp_01JD3K9V7Q8M2N4P6R8T0V2X4Z',
    ]);
    expect(run.stdout.split('\n')[0]).toBe(
      '2026-11-26T09:12:03.000Z  intercept.accepted         icp_01JD3K9V7Q8M2N4P6R8T0V2X4Z  accepted sandbox SBX100000016',
    );
  });
});
