import { describe, expect, it } from 'vitest';
import { fakeGateway, json } from '../__fixtures__/fake-gateway.ts';
import { intercept, transition } from '../__fixtures__/resources.ts';
import { runTestCli } from '../__fixtures__/test-io.ts';
import { EXIT_CODES } from '../exit-codes.ts';

const created = transition('pending', 'request', '2026-11-26T09:12:03.000Z');
const accepted = transition('accepted', 'reconciliation', '2026-11-26T09:12:09.000Z');
const returning = transition('returning', 'tracking', '2026-11-27T10:00:00.000Z');
const returned = transition('returned', 'tracking', '2026-11-28T10:00:00.000Z');

/** The intercept as five successive reads see it. */
const reads = [
  intercept('pending', [created]),
  intercept('pending', [created]),
  intercept('accepted', [created, accepted]),
  intercept('accepted', [created, accepted]),
  intercept('returned', [created, accepted, returning, returned]),
];

describe('parcelgate watch', () => {
  it('prints each transition once, backs off while nothing moves, and stops when final', async () => {
    const gateway = fakeGateway((_request, index) => json(200, reads[index]));
    const run = await runTestCli(['watch', 'icp_01JD3K9V7Q8M2N4P6R8T0V2X4Z'], {
      fetch: gateway.fetch,
    });
    expect(run.code).toBe(EXIT_CODES.ok);
    expect(gateway.sent.map((sent) => sent.path)).toEqual(
      Array(5).fill('/v1/intercepts/icp_01JD3K9V7Q8M2N4P6R8T0V2X4Z'),
    );
    // Longer after a quiet read, short again after a change.
    expect(run.pauses).toEqual([500, 750, 500, 750]);
    expect(run.stdout).toMatchInlineSnapshot(`
      "2026-11-26T09:12:03.000Z  pending    request
      2026-11-26T09:12:09.000Z  accepted   reconciliation
      2026-11-27T10:00:00.000Z  returning  tracking
      2026-11-28T10:00:00.000Z  returned   tracking
      icp_01JD3K9V7Q8M2N4P6R8T0V2X4Z is returned: final
      "
    `);
  });

  it('prints NDJSON with --json, flags a person once, and exits 4 when it ends failed', async () => {
    const flagged = {
      ...intercept('accepted', [created, accepted]),
      needsAttention: true,
      attentionReason: 'no outcome',
    };
    const answers = [
      flagged,
      flagged,
      intercept('failed', [created, accepted, transition('failed', 'tracking', 'x')]),
    ];
    const gateway = fakeGateway((_request, index) => json(200, answers[index]));
    const run = await runTestCli(['watch', 'icp_1', '--json'], { fetch: gateway.fetch });
    expect(run.code).toBe(EXIT_CODES.partial);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.type)).toEqual([
      'transition',
      'transition',
      'needs_attention',
      'transition',
      'final',
    ]);
    expect(lines[4].intercept.status).toBe('failed');
  });

  it('caps the pause at --max-interval, and exits 130 when interrupted', async () => {
    const gateway = fakeGateway(() => json(200, intercept('pending', [created])));
    const run = await runTestCli(['watch', 'icp_1', '--max-interval', '1000'], {
      fetch: gateway.fetch,
      interruptAfterPauses: 5,
    });
    expect(run.pauses).toEqual([500, 750, 1000, 1000, 1000]);
    expect(run.code).toBe(EXIT_CODES.interrupted);
  });
});
