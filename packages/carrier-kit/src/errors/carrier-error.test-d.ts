import { describe, expectTypeOf, it } from 'vitest';
import { type CarrierError, type CarrierErrorKind, isCarrierErrorOfKind } from './carrier-error.ts';
import type {
  CarrierAuthenticationError,
  CarrierErrorClassByKind,
  CarrierInvalidRequestError,
  CarrierNotEligibleError,
  CarrierNotFoundError,
  CarrierOutcomeUnknownError,
  CarrierRateLimitedError,
  CarrierRetryableError,
} from './kinds.ts';

declare const failure: unknown;
declare const anyCarrierError: CarrierError;

describe('isCarrierErrorOfKind', () => {
  it("narrows to the kind's class, with its own fields", () => {
    if (isCarrierErrorOfKind(failure, 'retryable')) {
      expectTypeOf(failure).toEqualTypeOf<CarrierRetryableError>();
    }
    if (isCarrierErrorOfKind(failure, 'rate-limited')) {
      expectTypeOf(failure).toEqualTypeOf<CarrierRateLimitedError>();
      expectTypeOf(failure.retryAfterMs).toEqualTypeOf<number | undefined>();
    }
    if (isCarrierErrorOfKind(failure, 'authentication')) {
      expectTypeOf(failure).toEqualTypeOf<CarrierAuthenticationError>();
    }
    if (isCarrierErrorOfKind(failure, 'not-found')) {
      expectTypeOf(failure).toEqualTypeOf<CarrierNotFoundError>();
    }
    if (isCarrierErrorOfKind(failure, 'not-eligible')) {
      expectTypeOf(failure).toEqualTypeOf<CarrierNotEligibleError>();
      expectTypeOf(failure.reason).toEqualTypeOf<string>();
    }
    if (isCarrierErrorOfKind(failure, 'invalid-request')) {
      expectTypeOf(failure).toEqualTypeOf<CarrierInvalidRequestError>();
      expectTypeOf(failure.field).toEqualTypeOf<string | undefined>();
    }
    if (isCarrierErrorOfKind(failure, 'outcome-unknown')) {
      expectTypeOf(failure).toEqualTypeOf<CarrierOutcomeUnknownError>();
    }
  });

  it('narrows an already typed carrier error too', () => {
    if (isCarrierErrorOfKind(anyCarrierError, 'rate-limited')) {
      expectTypeOf(anyCarrierError.retryAfterMs).toEqualTypeOf<number | undefined>();
    }
  });

  it('narrows to the union of classes for a union of kinds', () => {
    const kind = 'not-eligible' as 'not-eligible' | 'invalid-request';
    if (isCarrierErrorOfKind(failure, kind)) {
      expectTypeOf(failure).toEqualTypeOf<CarrierNotEligibleError | CarrierInvalidRequestError>();
    }
  });

  it('takes only the seven kinds', () => {
    // @ts-expect-error: 'timeout' is no carrier error kind
    isCarrierErrorOfKind(failure, 'timeout');
  });
});

describe('CarrierErrorClassByKind', () => {
  it('has every kind, each mapped to the class whose `kind` it is', () => {
    expectTypeOf<keyof CarrierErrorClassByKind>().toEqualTypeOf<CarrierErrorKind>();
    type Mismatched = {
      [Kind in CarrierErrorKind]: CarrierErrorClassByKind[Kind]['kind'] extends Kind ? never : Kind;
    }[CarrierErrorKind];
    expectTypeOf<Mismatched>().toBeNever();
  });
});
