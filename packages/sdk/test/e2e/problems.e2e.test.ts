/**
 * Every problem type a client can meet, provoked against the real gateway and caught as a
 * typed ParcelgateProblemError through its guard. Not provoked, because no request the SDK
 * sends can cause them: `idempotency-key-missing` (every action carries a key),
 * `method-not-allowed` and `not-acceptable` (the SDK's methods and headers are right),
 * `request-timeout` (the SDK sends each request whole at once), `carrier-error` (an adapter
 * defect) and `internal`; nor `rate-limited` and `database-unavailable`, which the shared
 * stack does not reach (limits lifted, database up: the gateway's own e2e suite provokes
 * them). `circuit-open` and `carrier-busy` are in carrier-protection.e2e.test.ts, on a
 * gateway configured to reach them; `connection-in-use`, `secret-key-required`,
 * `parcel-not-registered` and `parcel-already-registered` in carrier-accounts.e2e.test.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  isCarrierAuthenticationFailed,
  isCarrierRateLimited,
  isCarrierRejectedRequest,
  isCarrierTimeout,
  isCarrierUnavailable,
  isIdempotencyConflict,
  isIdempotencyKeyReused,
  isNotEligible,
  isNotFound,
  isOperationNotSupported,
  isParcelNotFound,
  isPayloadTooLarge,
  isProblemError,
  isRequestHeaderFieldsTooLarge,
  isUnauthorized,
  isUnknownCarrier,
  isUnsupportedMediaType,
  isUriTooLong,
  isValidationFailed,
  type ParcelgateProblemError,
} from '../../src/index.ts';
import { client, fault, interceptBody, redirectBody, rejection, sim } from './support.ts';

/** Calls without SDK retries, so each problem arrives as the gateway first answered it. */
const once = () => client({ maxRetries: 0 });

async function parcel(status = 'in_transit'): Promise<string> {
  return sim().createParcel({ status });
}

function expectProblem(error: unknown, status: number, slug: string): ParcelgateProblemError {
  expect(isProblemError(error), String(error)).toBe(true);
  const problem = error as ParcelgateProblemError;
  expect(problem).toMatchObject({
    status,
    type: `https://parcelgate.dev/problems/${slug}`,
    problemType: slug,
  });
  // Every Parcelgate problem names its request in the gateway's logs.
  expect(problem.requestId).toMatch(/\S/);
  expect(problem.headers.get('content-type')).toContain('application/problem+json');
  return problem;
}

describe('the request', () => {
  it('validation-failed, with the pointer of each bad field', async () => {
    const error = await rejection(once().intercepts.create(interceptBody('x1', { orderRef: '' })));
    expect(isValidationFailed(error)).toBe(true);
    const problem = expectProblem(error, 400, 'validation-failed');
    expect(problem.errors.map((field) => field.pointer).sort()).toEqual([
      '/orderRef',
      '/trackingNumber',
    ]);
  });

  it('unauthorized, for a key the gateway does not know', async () => {
    const error = await rejection(client({ apiKey: 'pg_nope', maxRetries: 0 }).carriers.list());
    expect(isUnauthorized(error)).toBe(true);
    expectProblem(error, 401, 'unauthorized');
    expect((error as ParcelgateProblemError).headers.get('www-authenticate')).toContain('Bearer');
  });

  it('payload-too-large and unsupported-media-type', async () => {
    const trackingNumber = await parcel();
    const tooLarge = await rejection(
      once().intercepts.checkEligibility(
        interceptBody(trackingNumber, { note: 'x'.repeat(70_000) }),
      ),
    );
    expect(isPayloadTooLarge(tooLarge)).toBe(true);
    expectProblem(tooLarge, 413, 'payload-too-large');

    const misconfigured = client({ maxRetries: 0, headers: { 'content-type': 'text/plain' } });
    const wrongType = await rejection(
      misconfigured.intercepts.checkEligibility(interceptBody(trackingNumber)),
    );
    expect(isUnsupportedMediaType(wrongType)).toBe(true);
    expectProblem(wrongType, 415, 'unsupported-media-type');
  });

  it('uri-too-long and request-header-fields-too-large', async () => {
    const longTarget = await rejection(once().intercepts.listPage({ orderRef: 'x'.repeat(9_000) }));
    expect(isUriTooLong(longTarget)).toBe(true);
    expectProblem(longTarget, 414, 'uri-too-long');

    const largeHeaders = client({ maxRetries: 0, headers: { 'x-trace': 'x'.repeat(20_000) } });
    const tooLarge = await rejection(largeHeaders.carriers.list());
    expect(isRequestHeaderFieldsTooLarge(tooLarge)).toBe(true);
    expectProblem(tooLarge, 431, 'request-header-fields-too-large');
  });
});

describe('what is asked for', () => {
  it('not-found, unknown-carrier and parcel-not-found', async () => {
    const notFound = await rejection(once().intercepts.get('icp_01JD3K9V7Q8M2N4P6R8T0V2X4Z'));
    expect(isNotFound(notFound)).toBe(true);
    expectProblem(notFound, 404, 'not-found');
    expect(
      isNotFound(await rejection(once().redirects.get('rdr_01JD3K9V7Q8M2N4P6R8T0V2X4Z'))),
    ).toBe(true);

    const unknownCarrier = await rejection(once().tracking.get('acme', 'SBX100000016'));
    expect(isUnknownCarrier(unknownCarrier)).toBe(true);
    expect(expectProblem(unknownCarrier, 404, 'unknown-carrier').carrier).toBe('acme');

    const unknownParcel = await rejection(once().tracking.get('sandbox', 'SBX999999999'));
    expect(isParcelNotFound(unknownParcel)).toBe(true);
    expect(expectProblem(unknownParcel, 404, 'parcel-not-found').carrier).toBe('sandbox');
  });

  it('not-eligible, with every reason, storing nothing', async () => {
    const trackingNumber = await sim().createParcel({ status: 'delivered', category: 'tea' });
    const error = await rejection(once().intercepts.create(interceptBody(trackingNumber)));
    expect(isNotEligible(error)).toBe(true);
    const problem = expectProblem(error, 422, 'not-eligible');
    expect(problem.reasons.map((reason) => reason.code)).toContain('delivered');
    expect(problem.interceptId).toBeUndefined();
    const listed = await once().intercepts.listPage({ trackingNumber });
    expect(listed.data).toEqual([]);
  });

  it('operation-not-supported, for a carrier without an intercept or redirect API', async () => {
    const trackingNumber = await parcel();
    const intercept = await rejection(
      once().intercepts.create(interceptBody(trackingNumber, { carrier: 'trackonly' })),
    );
    expect(isOperationNotSupported(intercept)).toBe(true);
    expect(expectProblem(intercept, 422, 'operation-not-supported').capability).toBe('intercept');
    const redirect = await rejection(
      once().redirects.create({ ...redirectBody(trackingNumber), carrier: 'trackonly' }),
    );
    expect(expectProblem(redirect, 422, 'operation-not-supported').capability).toBe('redirect');
  });

  it('idempotency-key-reused, for one key with two bodies', async () => {
    const trackingNumber = await parcel();
    const idempotencyKey = crypto.randomUUID();
    await once().intercepts.checkEligibility(interceptBody(trackingNumber), { idempotencyKey });
    const error = await rejection(
      once().intercepts.checkEligibility(interceptBody(trackingNumber, { reason: 'other' }), {
        idempotencyKey,
      }),
    );
    expect(isIdempotencyKeyReused(error)).toBe(true);
    expect(isIdempotencyConflict(error)).toBe(true);
    expect(expectProblem(error, 422, 'idempotency-key-reused').idempotencyKey).toBe(idempotencyKey);
  });
});

describe('the carrier', () => {
  it('carrier-rejected-request, when the carrier calls our request invalid', async () => {
    const trackingNumber = await parcel();
    await fault(trackingNumber, 'track', { type: 'status', code: 400 });
    const error = await rejection(once().tracking.get('sandbox', trackingNumber));
    expect(isCarrierRejectedRequest(error)).toBe(true);
    expectProblem(error, 422, 'carrier-rejected-request');
  });

  it('carrier-authentication-failed, when the carrier refuses our credentials', async () => {
    const trackingNumber = await parcel();
    await fault(trackingNumber, 'track', { type: 'status', code: 401 });
    const error = await rejection(once().tracking.get('sandbox', trackingNumber));
    expect(isCarrierAuthenticationFailed(error)).toBe(true);
    expectProblem(error, 502, 'carrier-authentication-failed');
  });

  it('carrier-unavailable, when the carrier keeps failing', async () => {
    const trackingNumber = await parcel();
    await fault(trackingNumber, 'track', { type: 'status', code: 500, html: true });
    const error = await rejection(
      once().tracking.get('sandbox', trackingNumber, { preferWaitSeconds: 1 }),
    );
    expect(isCarrierUnavailable(error)).toBe(true);
    expectProblem(error, 503, 'carrier-unavailable');
  });

  it('carrier-rate-limited, with the carrier’s Retry-After', async () => {
    const trackingNumber = await parcel();
    await fault(trackingNumber, 'track', { type: 'rate_limit', retryAfter: 30 });
    // The SDK would retry it, but 30 s does not fit its 10 s deadline: it answers at once.
    const error = await rejection(
      client({ timeoutMs: 10_000 }).tracking.get('sandbox', trackingNumber, {
        preferWaitSeconds: 1,
      }),
    );
    expect(isCarrierRateLimited(error)).toBe(true);
    expect(expectProblem(error, 503, 'carrier-rate-limited').retryAfterSeconds).toBe(30);
    expect((await sim().parcel(trackingNumber)).calls.track).toBe(1);
  });

  it('carrier-timeout, when the carrier does not answer within the budget', async () => {
    const trackingNumber = await parcel();
    await fault(trackingNumber, 'track', { type: 'hang' });
    const error = await rejection(
      once().tracking.get('sandbox', trackingNumber, { preferWaitSeconds: 1 }),
    );
    expect(isCarrierTimeout(error)).toBe(true);
    expectProblem(error, 504, 'carrier-timeout');
  });
});
