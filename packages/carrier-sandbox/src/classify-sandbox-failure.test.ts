import type { CarrierError } from '@parcelgate/carrier-kit';
import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  createSandboxTestContext,
  SANDBOX_TEST_API_KEY,
} from '../test/support/sandbox-test-context.ts';
import error401 from './__fixtures__/error-401.json' with { type: 'json' };
import error403 from './__fixtures__/error-403.json' with { type: 'json' };
import error429 from './__fixtures__/error-429.json' with { type: 'json' };
import error500 from './__fixtures__/error-500.json' with { type: 'json' };
import interceptInvalid from './__fixtures__/intercept-invalid.json' with { type: 'json' };
import interceptRefused from './__fixtures__/intercept-refused.json' with { type: 'json' };
import trackNotFound from './__fixtures__/track-not-found.json' with { type: 'json' };
import { classifySandboxFailure, type SandboxOperation } from './classify-sandbox-failure.ts';

const ctx = createSandboxTestContext();

/** Classifies an answer as the adapter receives it from ctx.http (a fetch Response). */
function classify(
  response: Response,
  operation: SandboxOperation = 'intercept',
): Promise<CarrierError> {
  return classifySandboxFailure(ctx, response, operation);
}

function json(body: unknown, status: number, headers: Record<string, string> = {}): Response {
  return HttpResponse.json(body as Parameters<typeof HttpResponse.json>[0], { status, headers });
}

describe('classifySandboxFailure', () => {
  it('turns a 422 to an intercept into not-eligible with the mapped reason', async () => {
    const error = await classify(json(interceptRefused, 422));
    expect(error).toMatchObject({
      kind: 'not-eligible',
      reason: 'out_for_delivery',
      carrierCode: 'OUT_FOR_DELIVERY',
      httpStatus: 422,
      requestSent: true,
      message: 'sandbox refused the intercept (OUT_FOR_DELIVERY): parcel is out for delivery',
    });
  });

  it('turns a 422 without a readable code into a plain carrier refusal', async () => {
    const error = await classify(new HttpResponse('nope', { status: 422 }), 'redirect');
    expect(error).toMatchObject({ kind: 'not-eligible', reason: 'carrier_refused' });
    expect(error.carrierCode).toBeUndefined();
  });

  it('does not read a 422 to a read as a refusal', async () => {
    const error = await classify(json(interceptRefused, 422), 'track');
    expect(error.kind).toBe('invalid-request');
  });

  it('keeps the field a 400 blames', async () => {
    const error = await classify(json(interceptInvalid, 400));
    expect(error).toMatchObject({
      kind: 'invalid-request',
      field: 'reason',
      carrierCode: 'INVALID_REQUEST',
    });
  });

  it.each([
    [401, error401, 'authentication', 'UNAUTHORIZED'],
    [403, error403, 'authentication', 'FORBIDDEN'],
    [404, trackNotFound, 'not-found', 'PARCEL_NOT_FOUND'],
    [500, error500, 'retryable', 'INTERNAL'],
  ])('classifies HTTP %i as %s', async (status, body, kind, carrierCode) => {
    const error = await classify(json(body, status), 'track');
    expect(error).toMatchObject({ kind, carrierCode, httpStatus: status, requestSent: true });
  });

  it('reads Retry-After in seconds on a 429', async () => {
    const error = await classify(json(error429, 429, { 'retry-after': '7' }));
    expect(error).toMatchObject({
      kind: 'rate-limited',
      retryAfterMs: 7000,
      carrierCode: 'RATE_LIMITED',
    });
  });

  it('reads Retry-After as an HTTP date, measured from ctx.clock', async () => {
    // SANDBOX_TEST_NOW is 02:00:00 UTC: the date is 90 seconds later.
    const headers = { 'retry-after': 'Thu, 26 Nov 2026 02:01:30 GMT' };
    const error = await classify(json(error429, 429, headers));
    expect(error).toMatchObject({ kind: 'rate-limited', retryAfterMs: 90_000 });
  });

  it('leaves the delay to the gateway when a 429 has no Retry-After', async () => {
    const error = await classify(json(error429, 429));
    expect(error).toMatchObject({ kind: 'rate-limited', retryAfterMs: undefined });
  });

  it("classifies a proxy's HTML 502 by its status alone", async () => {
    const html = '<html><body><h1>502 Bad Gateway</h1></body></html>';
    const error = await classify(
      new HttpResponse(html, { status: 502, headers: { 'content-type': 'text/html' } }),
    );
    expect(error).toMatchObject({ kind: 'retryable', httpStatus: 502, carrierCode: undefined });
    expect(error.message).toBe('sandbox answered HTTP 502');
  });

  it('never echoes the API key the carrier quoted back', async () => {
    const body = {
      error: { code: 'UNAUTHORIZED', message: `key ${SANDBOX_TEST_API_KEY} revoked` },
    };
    const error = await classify(json(body, 401), 'track');
    expect(error.message).not.toContain(SANDBOX_TEST_API_KEY);
    expect(error.message).toContain('[REDACTED]');
  });
});
