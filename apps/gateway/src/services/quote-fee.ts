import type { FeeQuote, FeeQuoteRequest } from '@parcelgate/carrier-kit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RegisteredCarrier } from '../carriers/carrier-registry.ts';
import type { CallerParts } from '../resilience/call-carrier.ts';
import { callCarrierResiliently } from '../resilience/resilient-call.ts';

/**
 * The carrier's price for an action, asked within `request.deadline` where the carrier
 * quotes one (`capabilities.feeQuote`); undefined where it does not, or did not answer in
 * time. A quote is a read: the read's breaker, limiter and retries, recorded as `quoteFee`.
 * Never fails the dry run it serves: without a quote the answer says who pays, not how much.
 */
export async function quoteFeeIfOffered(
  app: Pick<FastifyInstance, 'resilience'>,
  request: CallerParts & Pick<FastifyRequest, 'deadline'>,
  carrier: RegisteredCarrier,
  quote: FeeQuoteRequest,
): Promise<FeeQuote | undefined> {
  const { definition } = carrier;
  const quoteFee = definition.quoteFee;
  if (quoteFee === undefined || !definition.capabilities.feeQuote?.actions.includes(quote.action)) {
    return undefined;
  }
  const result = await callCarrierResiliently({
    carrier,
    operation: 'track',
    recordedAs: 'quoteFee',
    request,
    actionId: null,
    resilience: app.resilience.of(carrier),
    // What is kept back is for evaluating the policy and answering.
    deadline: request.deadline.child(),
    abortOnClientDisconnect: true,
    run: (ctx) => quoteFee.call(definition, ctx, quote),
  });
  if (!result.ok) {
    request.log.info(
      { carrier: definition.id, failure: result.failure.kind },
      'no fee quote: answering without one',
    );
    return undefined;
  }
  return result.value;
}
