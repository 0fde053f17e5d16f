import { describe, expectTypeOf, it } from 'vitest';
import type { CancelOutcome, CancelRequest, CancelResult } from './cancel.ts';
import type { CarrierContext } from './carrier-context.ts';
import type { CarrierDefinition } from './carrier-definition.ts';
import type { FeeQuote, FeeQuoteAction, FeeQuoteRequest } from './fee-quote.ts';
import type { CancelInterceptRequest } from './intercept.ts';

describe('the cancel and fee quote contract', () => {
  it('has three cancel outcomes, a rejection among them', () => {
    expectTypeOf<CancelOutcome>().toEqualTypeOf<'cancelled' | 'pending' | 'rejected'>();
    expectTypeOf<CancelResult['outcome']>().toEqualTypeOf<CancelOutcome>();
  });

  it('names the action to cancel by our reference, the carrier reference optional', () => {
    expectTypeOf<CancelRequest['reference']>().toEqualTypeOf<string>();
    expectTypeOf<CancelRequest>().toHaveProperty('carrierReference');
    expectTypeOf<{ trackingNumber: string; reference: string }>().toExtend<CancelRequest>();
    // The old name still compiles for adapters written against it.
    expectTypeOf<CancelInterceptRequest>().toEqualTypeOf<CancelRequest>();
  });

  it('gives the optional operations their signatures', () => {
    expectTypeOf<NonNullable<CarrierDefinition['cancelIntercept']>>().toEqualTypeOf<
      (ctx: CarrierContext, request: CancelRequest) => Promise<CancelResult>
    >();
    expectTypeOf<NonNullable<CarrierDefinition['cancelRedirect']>>().toEqualTypeOf<
      (ctx: CarrierContext, request: CancelRequest) => Promise<CancelResult>
    >();
    expectTypeOf<NonNullable<CarrierDefinition['quoteFee']>>().toEqualTypeOf<
      (ctx: CarrierContext, request: FeeQuoteRequest) => Promise<FeeQuote>
    >();
  });

  it('quotes intercepts and redirects only, in decimal-string money', () => {
    expectTypeOf<FeeQuoteAction>().toEqualTypeOf<'intercept' | 'redirect'>();
    expectTypeOf<FeeQuote['amount']['amount']>().toEqualTypeOf<string>();
    expectTypeOf<{ amount: { amount: '1.00'; currency: 'CNY' } }>().toExtend<FeeQuote>();
  });
});
