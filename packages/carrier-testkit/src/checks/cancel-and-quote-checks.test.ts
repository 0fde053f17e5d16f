import { describe, expect, it } from 'vitest';
import { runCheck } from '../__fixtures__/run-check.ts';
import { abortCheck } from './abort-check.ts';
import { notFoundCheck, outcomeUnknownCheck, retryableFailuresCheck } from './failure-checks.ts';
import { operationsCheck } from './operations-check.ts';
import { requestOptionsCheck } from './request-options-check.ts';

const withCancelAndQuote = { withCancelAndQuote: true, withoutRedirect: true } as const;

describe('the checks on cancelIntercept and quoteFee', () => {
  it('run them, after placing the intercept to cancel, when the capabilities declare them', async () => {
    const outcome = await runCheck(operationsCheck, { quirks: withCancelAndQuote });
    expect(outcome.problems).toEqual([]);
    // track, intercept, cancelIntercept, quoteFee
    expect(outcome.summary).toContain('4 scenario(s) passed');
  });

  it('fail a cancel that answers rejected for a cancellable intercept, and a float fee', async () => {
    const outcome = await runCheck(operationsCheck, {
      quirks: { ...withCancelAndQuote, cancelAnswersRejected: true, quoteAsNumber: true },
    });
    expect(outcome.problems).toEqual([
      'cancelIntercept outcome is "rejected" for an action the environment prepared to be cancellable (carrierReason "TOO_LATE")',
      'quoteFee amount is an object, not money ({ amount: "10.00", currency: "CNY" })',
    ]);
  });

  it('check that both honour the abort signal', async () => {
    expect((await runCheck(abortCheck, { quirks: withCancelAndQuote })).problems).toEqual([]);
    const ignoring = await runCheck(abortCheck, {
      quirks: { ...withCancelAndQuote, ignoreAbort: true },
    });
    expect(ignoring.problems).toEqual([
      expect.stringMatching(/^track was still pending/),
      expect.stringMatching(/^intercept was still pending/),
      expect.stringMatching(/^cancelIntercept was still pending/),
      expect.stringMatching(/^quoteFee was still pending/),
    ]);
  });

  it('classify a lost cancel answer as outcome-unknown and a lost quote answer as retryable', async () => {
    expect((await runCheck(outcomeUnknownCheck, { quirks: withCancelAndQuote })).problems).toEqual(
      [],
    );
    expect(
      (await runCheck(retryableFailuresCheck, { quirks: withCancelAndQuote })).problems,
    ).toEqual([]);
    const careless = await runCheck(outcomeUnknownCheck, {
      quirks: { ...withCancelAndQuote, cancelIdempotent: true },
    });
    expect(careless.problems).toEqual([
      'cancelIntercept on a connection reset after the carrier read the request: threw a "retryable" carrier error, expected "outcome-unknown" (acme: connection failed after the request may have been sent)',
      'cancelIntercept on a connection reset before the carrier read the request: threw a "retryable" carrier error, expected "outcome-unknown" (acme: connection failed after the request may have been sent)',
      'cancelIntercept on HTTP 200 with truncated JSON: threw a "retryable" carrier error, expected "outcome-unknown" (acme answered HTTP 200 with a body that could not be read (application/json; charset=utf-8))',
    ]);
  });

  it('classify an unknown parcel as not-found for both', async () => {
    const outcome = await runCheck(notFoundCheck, { quirks: withCancelAndQuote });
    expect(outcome.problems).toEqual([]);
    expect(outcome.summary).toContain('4 scenario(s) passed');
  });

  it('let a cancel take the options of the intercept it cancels, without having to use them', async () => {
    const outcome = await runCheck(requestOptionsCheck, { quirks: withCancelAndQuote });
    expect(outcome.problems).toEqual([]);
  });
});
