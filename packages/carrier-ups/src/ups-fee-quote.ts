import type { CarrierContext, FeeQuote, FeeQuoteRequest } from '@parcelgate/carrier-kit';
import { requestUpsCharges } from './ups-charges.ts';
import { toUpsDeliveryAddress, upsRequesterContact } from './ups-contact.ts';
import { assertInterceptable } from './ups-intercept-call.ts';
import { readUpsPackage } from './ups-track.ts';

/**
 * Quotes what UPS would charge for a return to sender (`interceptOption: RS`) or a
 * delivery to another address (`AA`, rated with the new address as `redirectAddress`):
 * a Track API read for the shipment's addresses, then POST /charges/{tracking_number}
 * (see `requestUpsCharges`). The fee is `totalCharge` in `chargeCurrency`. Nothing is
 * changed at UPS; UPS charges the fee only if it completes the change.
 */
export async function quoteUpsFee(
  ctx: CarrierContext,
  request: FeeQuoteRequest,
): Promise<FeeQuote> {
  assertInterceptable(request.trackingNumber);
  const requester = upsRequesterContact(ctx);
  const redirectAddress =
    request.newAddress === undefined ? undefined : toUpsDeliveryAddress(request.newAddress);
  const parcel = await readUpsPackage(ctx, request.trackingNumber);
  return requestUpsCharges(ctx, {
    trackingNumber: request.trackingNumber,
    option: request.action === 'intercept' ? 'RS' : 'AA',
    parcel,
    requester,
    ...(redirectAddress === undefined ? {} : { redirectAddress }),
  });
}
