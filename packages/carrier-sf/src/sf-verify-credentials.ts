import type { CarrierContext } from '@parcelgate/carrier-kit';
import { sendSfService } from './sf-request.ts';
import { SF_ROUTE_QUERY } from './sf-track.ts';

/**
 * The waybill the probe asks routes for: SF-shaped (`SF` and 13 digits) but all zeros, a
 * number SF does not issue, so the answer shows nobody's parcel.
 */
export const SF_PROBE_WAYBILL = 'SF0000000000000';

/**
 * Proves the partner id and checkword with SF's cheapest signed call, a route query
 * (`EXP_RECE_SEARCH_ROUTES`) for a waybill nobody has. SF's gateway checks the form before
 * the service sees it (丰桥 "公共响应参数"): partnerID and the fields (A1001), the service
 * being enabled for the partner (A1004), the msgDigest signed with the checkword (A1006),
 * IP and decryption (A1003, A1008). So
 * - `apiResultCode` `A1000` means SF accepted the credentials, whatever the route service
 *   then answered about the waybill: no routes (the usual answer), 运单不存在, or even a
 *   business error (logged at debug, since it says nothing about the credentials);
 * - A1001, A1003, A1004, A1006, A1008 are `CarrierAuthenticationError`;
 * - A1005 is `rate-limited`; A1002, A1007, A1009, A1099, non-2xx answers from what stands
 *   in front of SF, unreadable answers and lost connections are `retryable` (a read).
 * A partner without the route query service enabled is refused (A1004) even if it may
 * intercept; the adapter needs the route query to track anyway. Nothing changes at SF.
 */
export async function verifySfCredentials(ctx: CarrierContext): Promise<void> {
  const result = await sendSfService(ctx, {
    operation: 'verifyCredentials',
    serviceCode: SF_ROUTE_QUERY,
    msgData: {
      language: '0',
      trackingType: '1',
      trackingNumber: [SF_PROBE_WAYBILL],
      methodType: '1',
    },
  });
  if (!result.success) {
    ctx.logger.debug('sf took the credentials; the probe route query itself was refused', {
      errorCode: result.errorCode,
      errorMsg: result.errorMsg,
    });
  }
}
