import { type CarrierErrorKind, isCarrierError } from '@parcelgate/carrier-kit';
import type { Attempt, Settlement } from '../harness.ts';
import { describeValue } from '../validate/describe-value.ts';

/** What a failure must be classified as. */
export interface ErrorExpectation {
  /** Acceptable kinds, the preferred first. */
  readonly kinds: readonly CarrierErrorKind[];
  /** When set, `error.requestSent` must be exactly this. */
  readonly requestSent?: boolean;
  /** For rate-limited errors: the inclusive range `retryAfterMs` must fall in. */
  readonly retryAfterMs?: { readonly min: number; readonly max: number };
}

/**
 * Problems with how an attempt failed: it must reject with a carrier error (recognised by
 * its marker, as the gateway does, not by `instanceof`) of an expected kind, in the
 * adapter's name. `label` says which scenario, e.g. `track on HTTP 503`.
 */
export function expectCarrierError(
  label: string,
  attempt: Pick<Attempt, 'carrierId' | 'settlement'>,
  expectation: ErrorExpectation,
): string[] {
  const expected = expectation.kinds.map((kind) => `"${kind}"`).join(' or ');
  const settlement = attempt.settlement;
  if (settlement.status !== 'rejected') {
    return [
      `${label}: ${describeSettlement(settlement)} instead of throwing a ${expected} carrier error`,
    ];
  }
  const error = settlement.reason;
  if (!isCarrierError(error)) {
    return [
      `${label}: threw ${describeError(error)}, not a carrier error (expected ${expected}; isCarrierError() is false)`,
    ];
  }
  const problems: string[] = [];
  if (!expectation.kinds.includes(error.kind)) {
    problems.push(
      `${label}: threw a "${error.kind}" carrier error, expected ${expected} (${error.message})`,
    );
  }
  if (error.carrierId !== attempt.carrierId) {
    problems.push(
      `${label}: the error's carrierId is ${describeValue(error.carrierId)}, expected "${attempt.carrierId}"`,
    );
  }
  if (expectation.requestSent !== undefined && error.requestSent !== expectation.requestSent) {
    problems.push(
      `${label}: requestSent is ${describeValue(error.requestSent)}, expected ${expectation.requestSent}`,
    );
  }
  const range = expectation.retryAfterMs;
  if (range !== undefined && error.kind === 'rate-limited') {
    const retryAfterMs: unknown = (error as { retryAfterMs?: unknown }).retryAfterMs;
    if (typeof retryAfterMs !== 'number' || retryAfterMs < range.min || retryAfterMs > range.max) {
      problems.push(
        `${label}: retryAfterMs is ${describeValue(retryAfterMs)}, expected ${range.min}-${range.max} ms (read Retry-After against ctx.clock)`,
      );
    }
  }
  return problems;
}

/** "resolved", "did not settle", ... for a settlement that should have been a rejection. */
export function describeSettlement(settlement: Settlement): string {
  switch (settlement.status) {
    case 'fulfilled':
      return 'resolved';
    case 'timed-out':
      return `did not settle within ${Math.round(settlement.durationMs)} ms`;
    case 'rejected':
      return `threw ${describeError(settlement.reason)}`;
  }
}

/** `a raw SyntaxError: Unexpected token <`, `a "retryable" carrier error: ...`. */
export function describeError(error: unknown): string {
  if (isCarrierError(error)) {
    return `a "${error.kind}" carrier error (${error.message})`;
  }
  if (error instanceof Error || (typeof error === 'object' && error !== null && 'name' in error)) {
    const { name, message } = error as { name?: unknown; message?: unknown };
    return `a raw ${String(name)}: ${String(message)}`;
  }
  return `a non-error value ${describeValue(error)}`;
}
