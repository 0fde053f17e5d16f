import { isProblem, type ProblemErrorOf } from './problem-error.ts';

// One `is<Type>` guard per problem type, generated from the OpenAPI document's
// `x-problem-types` (scripts/generate.ts); only guards spanning several types are written here.
export * from '../generated/problem-guards.ts';

/**
 * Either idempotency conflict: the key is still in use by a running request (409), or it
 * was first used with another body (422). Both mean "this key cannot be used for this call now".
 */
export function isIdempotencyConflict(
  value: unknown,
): value is ProblemErrorOf<'idempotency-request-in-progress' | 'idempotency-key-reused'> {
  return isProblem(value, 'idempotency-request-in-progress', 'idempotency-key-reused');
}
