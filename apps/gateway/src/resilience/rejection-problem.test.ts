import { describe, expect, it } from 'vitest';
import { rejectionProblem } from './rejection-problem.ts';

describe('rejectionProblem', () => {
  it('names a call that waited in our own queue past its budget carrier-busy, not a timeout', () => {
    const problem = rejectionProblem('acme', {
      kind: 'rejected',
      reason: 'deadline',
      retryAfterMs: 1_200,
    });
    expect(problem.problemType).toBe('carrier-busy');
    expect(problem.headers).toEqual({ 'retry-after': '2' });
    expect(problem.detail).toContain('it was not called');
  });

  it('answers an open circuit and a full queue with Retry-After', () => {
    for (const [reason, type] of [
      ['circuit-open', 'circuit-open'],
      ['queue-full', 'carrier-busy'],
    ] as const) {
      const problem = rejectionProblem('acme', { kind: 'rejected', reason, retryAfterMs: 300 });
      expect(problem.problemType).toBe(type);
      expect(problem.headers).toEqual({ 'retry-after': '1' });
    }
  });
});
