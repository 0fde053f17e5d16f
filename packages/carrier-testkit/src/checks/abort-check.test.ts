import { describe, expect, it } from 'vitest';
import { runCheck } from '../__fixtures__/run-check.ts';
import { abortCheck } from './abort-check.ts';

describe('abortCheck', () => {
  it('passes the reference adapter, which leaves ctx.signal to ctx.http', async () => {
    const outcome = await runCheck(abortCheck);
    expect(outcome.problems).toEqual([]);
  });

  it('fails an adapter that ignores the abort signal', async () => {
    const outcome = await runCheck(abortCheck, {
      quirks: { ignoreAbort: true, withoutRedirect: true },
    });
    expect(outcome.problems).toEqual([
      expect.stringMatching(/^track was still pending \d+ ms after the signal fired/),
      expect.stringMatching(/^intercept was still pending \d+ ms after the signal fired/),
    ]);
  });

  it('fails an adapter that notices the abort late, on a timer of its own', async () => {
    const outcome = await runCheck(abortCheck, {
      quirks: { slowAbort: true, withoutRedirect: true },
    });
    expect(outcome.problems).toEqual([
      expect.stringMatching(/^track took \d+ ms to give up after the signal fired \(limit 50 ms;/),
      expect.stringMatching(
        /^intercept took \d+ ms to give up after the signal fired \(limit 50 ms;/,
      ),
    ]);
  });

  it('fails an adapter that turns the abort into a carrier error', async () => {
    const outcome = await runCheck(abortCheck, { quirks: { abortAsCarrierError: true } });
    expect(outcome.problems).toContain(
      'track turned the abort into a "retryable" carrier error (acme: aborted): rethrow the signal\'s reason so the gateway does not blame the carrier',
    );
  });

  it('fails an adapter that settles although the carrier hangs', async () => {
    const outcome = await runCheck(abortCheck, {
      quirks: { cannedTrack: true, withoutRedirect: true },
    });
    expect(outcome.problems[0]).toBe(
      'track settled before the signal fired although the carrier hangs (fulfilled)',
    );
  });
});
