import type { CarrierContext, FeeQuote, FeeQuoteRequest } from '@parcelgate/carrier-kit';
import { parseJsonResponse } from '@parcelgate/carrier-kit/wire';
import { classifySandboxFailure } from './classify-sandbox-failure.ts';
import { toSandboxAddress } from './sandbox-redirect.ts';
import { isSandboxSuccess, SANDBOX_CARRIER_ID, sendSandboxRequest } from './sandbox-request.ts';
import { parseSandboxFeeQuote } from './sandbox-wire.ts';

/**
 * Quotes an intercept or a redirect: POST /v1/parcels/{trackingNumber}/fees
 * (docs/carriers/sandbox-api.md), which changes nothing and is marked safe to repeat.
 * The amount is the sandbox's `total`; its lines become the quote's lines. A parcel
 * outside the action's window is refused (422) as the action would be: a
 * `CarrierNotEligibleError` with the mapped reason.
 */
export async function quoteSandboxFee(
  ctx: CarrierContext,
  request: FeeQuoteRequest,
): Promise<FeeQuote> {
  const address = request.newAddress;
  const response = await sendSandboxRequest(ctx, {
    method: 'POST',
    path: `/v1/parcels/${encodeURIComponent(request.trackingNumber)}/fees`,
    body: {
      action: request.action === 'intercept' ? 'INTERCEPT' : 'REDIRECT',
      ...(address === undefined ? {} : { address: toSandboxAddress(address) }),
    },
    idempotent: true,
  });
  if (!isSandboxSuccess(response)) {
    throw await classifySandboxFailure(ctx, response, 'quoteFee');
  }
  const quote = await parseJsonResponse(
    response,
    { carrierId: SANDBOX_CARRIER_ID, mutation: false },
    parseSandboxFeeQuote,
  );
  return {
    amount: { amount: quote.total, currency: quote.currency },
    lines: quote.lines.map((line) => ({
      label: line.label,
      amount: { amount: line.amount, currency: quote.currency },
    })),
  };
}
