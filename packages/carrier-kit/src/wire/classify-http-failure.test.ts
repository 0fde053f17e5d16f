import { describe, expect, it } from 'vitest';
import { classifyHttpFailure } from './classify-http-failure.ts';

const now = new Date('2026-11-26T08:00:00Z');

describe('classifyHttpFailure', () => {
  it.each([
    [401, 'authentication'],
    [403, 'authentication'],
    [404, 'not-found'],
    [408, 'retryable'],
    [400, 'invalid-request'],
    [422, 'invalid-request'],
    [500, 'retryable'],
    [502, 'retryable'],
    [503, 'retryable'],
    [504, 'retryable'],
  ])('maps HTTP %i to %s', (status, kind) => {
    const error = classifyHttpFailure({ carrierId: 'acme', status });
    expect(error.kind).toBe(kind);
    expect(error.httpStatus).toBe(status);
    expect(error.requestSent).toBe(true);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const seconds = classifyHttpFailure({
      carrierId: 'acme',
      status: 429,
      headers: new Headers({ 'retry-after': '7' }),
      now,
    });
    expect(seconds).toMatchObject({ kind: 'rate-limited', retryAfterMs: 7000 });
    const date = classifyHttpFailure({
      carrierId: 'acme',
      status: 429,
      headers: new Headers({ 'retry-after': 'Thu, 26 Nov 2026 08:00:30 GMT' }),
      now,
    });
    expect(date).toMatchObject({ kind: 'rate-limited', retryAfterMs: 30_000 });
  });

  it('keeps the carrier code, message and field', () => {
    const error = classifyHttpFailure({
      carrierId: 'acme',
      status: 400,
      carrierCode: 'E42',
      carrierMessage: 'reason is not valid',
      field: 'reason',
    });
    expect(error).toMatchObject({ kind: 'invalid-request', carrierCode: 'E42', field: 'reason' });
    expect(error.message).toBe('acme answered HTTP 400 (E42): reason is not valid');
  });
});
