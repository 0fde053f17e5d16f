import { type CarrierDefinition, CarrierError, isCarrierError } from '@parcelgate/carrier-kit';
import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createAcmeCarrier } from '../__fixtures__/acme-carrier.ts';
import { acmeFixtures } from '../__fixtures__/acme-fixtures.ts';
import { runCheck } from '../__fixtures__/run-check.ts';
import {
  authenticationCheck,
  connectionRefusedCheck,
  notFoundCheck,
  outcomeUnknownCheck,
  rateLimitCheck,
  retryableFailuresCheck,
  unreadableAnswersCheck,
} from './failure-checks.ts';

describe('the failure classification checks', () => {
  it.each([
    retryableFailuresCheck,
    rateLimitCheck,
    authenticationCheck,
    notFoundCheck,
    unreadableAnswersCheck,
    connectionRefusedCheck,
    outcomeUnknownCheck,
  ])('$id passes the reference adapter', async (check) => {
    const outcome = await runCheck(check);
    expect(outcome.problems, outcome.summary).toEqual([]);
    expect(outcome.skipped).toBeUndefined();
  });
});

describe('retryableFailuresCheck', () => {
  it('fails an adapter that calls 5xx invalid-request', async () => {
    const outcome = await runCheck(retryableFailuresCheck, {
      quirks: { serverErrorsInvalid: true },
    });
    expect(outcome.problems).toContain(
      'track on HTTP 503: threw a "invalid-request" carrier error, expected "retryable" (acme answered HTTP 400 (HTTP_503))',
    );
    expect(outcome.problems).toContain(
      'intercept on HTTP 500: threw a "invalid-request" carrier error, expected "retryable" or "outcome-unknown" (acme answered HTTP 400 (HTTP_500))',
    );
  });
});

describe('rateLimitCheck', () => {
  it('fails an adapter that reads Retry-After only as seconds', async () => {
    const outcome = await runCheck(rateLimitCheck, { quirks: { retryAfterSecondsOnly: true } });
    expect(outcome.problems).toContain(
      'track on HTTP 429 with Retry-After as an HTTP date 30 s ahead of ctx.clock: retryAfterMs is missing, expected 29000-31000 ms (read Retry-After against ctx.clock)',
    );
    expect(outcome.problems.join('\n')).not.toContain('Retry-After: 7');
  });

  it('fails an adapter that reads a Retry-After date against the real clock', async () => {
    const outcome = await runCheck(rateLimitCheck, { quirks: { retryAfterRealClock: true } });
    expect(outcome.problems[0]).toMatch(
      /HTTP date 30 s ahead of ctx.clock: retryAfterMs is \d+, expected 29000-31000 ms/,
    );
  });
});

describe('authenticationCheck', () => {
  it('fails an adapter that calls refused credentials retryable', async () => {
    const outcome = await runCheck(authenticationCheck, {
      quirks: { everythingRetryable: true, withoutRedirect: true },
    });
    expect(outcome.problems).toEqual([
      'track on HTTP 401: threw a "retryable" carrier error, expected "authentication" (acme answered 401)',
      'intercept on HTTP 401: threw a "retryable" carrier error, expected "authentication" (acme answered 401)',
      'track on HTTP 403: threw a "retryable" carrier error, expected "authentication" (acme answered 403)',
      'intercept on HTTP 403: threw a "retryable" carrier error, expected "authentication" (acme answered 403)',
    ]);
  });
});

describe('notFoundCheck', () => {
  it('fails an adapter that calls a 404 retryable', async () => {
    const outcome = await runCheck(notFoundCheck, { quirks: { notFoundRetryable: true } });
    expect(outcome.problems[0]).toBe(
      'track on an unknown parcel (HTTP 404): threw a "retryable" carrier error, expected "not-found" (acme answered 404)',
    );
  });

  it("stages the adapter's own not-found answer when the fixture has one", async () => {
    // A carrier that says "unknown parcel" with 200 and an error code, which Acme's
    // adapter does not understand: the check must fail, proving the fixture was used.
    const outcome = await runCheck(notFoundCheck, {
      fixtures: {
        ...acmeFixtures,
        track: {
          ...acmeFixtures.track,
          notFound: () => HttpResponse.json({ result: 'NO_SUCH_PARCEL' }, { status: 200 }),
        },
      },
    });
    expect(outcome.problems).toEqual([
      expect.stringMatching(
        /^track on an unknown parcel \(HTTP 404\): threw a "retryable" carrier error, expected "not-found"/,
      ),
    ]);
  });
});

describe('unreadableAnswersCheck', () => {
  it('fails an adapter that throws a raw SyntaxError on a truncated body', async () => {
    const outcome = await runCheck(unreadableAnswersCheck, { quirks: { rawJsonParse: true } });
    expect(outcome.problems).toEqual([
      expect.stringMatching(
        /^track on HTTP 200 with truncated JSON: threw a raw SyntaxError: .*, not a carrier error \(expected "retryable"; isCarrierError\(\) is false\)$/,
      ),
    ]);
  });

  it('fails an adapter that throws a raw SyntaxError on an HTML error page', async () => {
    const outcome = await runCheck(unreadableAnswersCheck, { quirks: { rawErrorBodyParse: true } });
    expect(outcome.problems).toContain(
      'track on an HTML error page with HTTP 502: threw a raw SyntaxError: Unexpected token \'<\', "<html>\r\n<h"... is not valid JSON, not a carrier error (expected "retryable"; isCarrierError() is false)',
    );
  });
});

describe('connectionRefusedCheck', () => {
  it('fails an adapter that rewraps network failures and loses requestSent', async () => {
    const outcome = await runCheck(connectionRefusedCheck, {
      quirks: { networkAsOutcomeUnknown: true },
    });
    expect(outcome.problems).toEqual([
      'track on a connection refused before sending: requestSent is missing, expected false',
      'intercept on a connection refused before sending: requestSent is missing, expected false',
      'redirect on a connection refused before sending: requestSent is missing, expected false',
    ]);
  });
});

describe('outcomeUnknownCheck', () => {
  it('fails an adapter that treats a reset after sending an intercept as retryable', async () => {
    const outcome = await runCheck(outcomeUnknownCheck, { quirks: { interceptIdempotent: true } });
    expect(outcome.problems).toEqual([
      'intercept on a connection reset after the carrier read the request: threw a "retryable" carrier error, expected "outcome-unknown" (acme: connection failed after the request may have been sent)',
      'intercept on a connection reset before the carrier read the request: threw a "retryable" carrier error, expected "outcome-unknown" (acme: connection failed after the request may have been sent)',
      'intercept on HTTP 200 with truncated JSON: threw a "retryable" carrier error, expected "outcome-unknown" (acme answered HTTP 200 with a body that could not be read (application/json; charset=utf-8))',
    ]);
  });

  it('accepts retryable where the carrier dedupes by reference', async () => {
    const outcome = await runCheck(outcomeUnknownCheck, {
      quirks: { interceptIdempotent: true, interceptSafeToRetry: true },
    });
    expect(outcome.problems).toEqual([]);
  });

  it('does not apply to a track-only adapter', () => {
    expect(outcomeUnknownCheck.appliesTo({ proofOfDelivery: false, callbacks: false })).toBe(false);
  });
});

describe('carrier errors from another copy of carrier-kit', () => {
  it('are recognised by their marker, not instanceof', async () => {
    const acme = createAcmeCarrier();
    // What an adapter installed from npm with its own carrier-kit throws: same marker and
    // fields, different class.
    const foreign = (error: unknown): unknown => {
      if (!isCarrierError(error)) {
        return error;
      }
      const copy = Object.assign(new Error(error.message), {
        [Symbol.for('parcelgate.carrier-error')]: true,
        kind: error.kind,
        carrierId: error.carrierId,
        requestSent: error.requestSent,
        retryAfterMs: (error as { retryAfterMs?: number }).retryAfterMs,
      });
      expect(copy).not.toBeInstanceOf(CarrierError);
      return copy;
    };
    const carrier: CarrierDefinition = {
      ...acme,
      track: (ctx, request) =>
        acme.track(ctx, request).catch((error: unknown) => Promise.reject(foreign(error))),
    };
    for (const check of [authenticationCheck, rateLimitCheck, connectionRefusedCheck]) {
      const outcome = await runCheck(check, { carrier });
      expect(outcome.problems, outcome.summary).toEqual([]);
    }
  });
});
