import { describe, expect, it } from 'vitest';
import { isParcelgateError } from './parcelgate-error.ts';
import { isProblem, isProblemError, ParcelgateProblemError } from './problem-error.ts';
import * as guards from './problem-guards.ts';
import { PROBLEM_TYPE_BASE, PROBLEM_TYPES, problemTypeOf } from './problem-types.ts';

function problemError(slug: string, status = 400) {
  return new ParcelgateProblemError({
    status,
    headers: new Headers(),
    body: {
      type: `${PROBLEM_TYPE_BASE}${slug}`,
      title: slug,
      status,
      detail: '',
      instance: '/',
      requestId: 'r',
    },
  });
}

const camel = (slug: string) =>
  `is${slug.replace(/(^|-)([a-z])/g, (_match, _dash, letter: string) => letter.toUpperCase())}`;

describe('problem guards', () => {
  it('has one guard per problem type, true for its own type only', () => {
    const guardFor = guards as unknown as Record<string, (value: unknown) => boolean>;
    for (const [slug, status] of Object.entries(PROBLEM_TYPES)) {
      const guard = guardFor[camel(slug)];
      expect(guard, `a guard for ${slug}`).toBeTypeOf('function');
      for (const other of Object.keys(PROBLEM_TYPES)) {
        expect(guard?.(problemError(other, status)), `${camel(slug)}(${other})`).toBe(
          other === slug,
        );
      }
    }
  });

  it('groups both idempotency conflicts', () => {
    expect(guards.isIdempotencyConflict(problemError('idempotency-key-reused', 422))).toBe(true);
    expect(guards.isIdempotencyConflict(problemError('idempotency-request-in-progress', 409))).toBe(
      true,
    );
    expect(guards.isIdempotencyConflict(problemError('not-found', 404))).toBe(false);
  });

  it('answers false for anything that is not a problem error', () => {
    for (const value of [
      undefined,
      null,
      'not-eligible',
      new Error('x'),
      { problemType: 'not-eligible' },
    ]) {
      expect(guards.isNotEligible(value)).toBe(false);
      expect(isProblemError(value)).toBe(false);
    }
  });

  it('recognises an error from another copy of the SDK by its marker', () => {
    const marker = Symbol.for('parcelgate.sdk.error');
    const foreign = Object.assign(new Error('x'), {
      [marker]: true,
      kind: 'problem',
      problemType: 'carrier-timeout',
    });
    expect(isParcelgateError(foreign)).toBe(true);
    expect(guards.isCarrierTimeout(foreign)).toBe(true);
    expect(isProblem(foreign, 'carrier-timeout', 'carrier-busy')).toBe(true);
  });
});

describe('ParcelgateProblemError', () => {
  it('reads the extensions of connection and rate-limit problems', () => {
    const inUse = new ParcelgateProblemError({
      status: 409,
      headers: new Headers(),
      body: {
        type: `${PROBLEM_TYPE_BASE}connection-in-use`,
        title: 'in use',
        status: 409,
        detail: '',
        instance: '/',
        requestId: 'r',
        connectionId: 'con_1',
        openActions: 2,
      },
    });
    expect(inUse).toMatchObject({
      problemType: 'connection-in-use',
      connectionId: 'con_1',
      openActions: 2,
      violatedPolicies: [],
    });
    const limited = new ParcelgateProblemError({
      status: 429,
      headers: new Headers({ 'retry-after': '3' }),
      body: {
        type: `${PROBLEM_TYPE_BASE}rate-limited`,
        title: 'slow down',
        status: 429,
        detail: '',
        instance: '/',
        requestId: 'r',
        violatedPolicies: ['tenant', 'key'],
      },
    });
    expect(limited).toMatchObject({
      problemType: 'rate-limited',
      violatedPolicies: ['tenant', 'key'],
      retryAfterSeconds: 3,
      connectionId: undefined,
      openActions: undefined,
    });
  });
});

describe('problemTypeOf', () => {
  it('reads Parcelgate slugs only', () => {
    expect(problemTypeOf(`${PROBLEM_TYPE_BASE}not-eligible`)).toBe('not-eligible');
    expect(problemTypeOf(`${PROBLEM_TYPE_BASE}no-such-type`)).toBeUndefined();
    expect(problemTypeOf('https://example.com/problems/not-eligible')).toBeUndefined();
    expect(problemTypeOf('about:blank')).toBeUndefined();
    expect(problemTypeOf(`${PROBLEM_TYPE_BASE}toString`)).toBeUndefined();
  });
});
