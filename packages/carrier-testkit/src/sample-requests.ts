import type { Address, InterceptRequest, RedirectRequest } from '@parcelgate/carrier-kit';

/**
 * A delivery address in the shape Chinese carriers need (province, city, district in
 * `line1`, a mobile number). Fictitious, but valid enough for carriers that check formats.
 */
const SHANGHAI_ADDRESS: Address = {
  name: '李雷',
  phone: '13800138000',
  line1: '浦东新区世纪大道100号',
  line2: '8楼801室',
  city: '上海市',
  region: '上海市',
  postalCode: '200120',
  country: 'CN',
};

/**
 * Requests the conformance checks send, for adapters' own tests too: the same shapes the
 * gateway builds, with a Parcelgate reference and a Chinese address with a phone number.
 *
 * @example
 * ```ts
 * await acmeCarrier.intercept(ctx, sampleRequests.intercept('ACM123'));
 * await acmeCarrier.redirect(ctx, sampleRequests.redirect('ACM123', { note: 'leave at the door' }));
 * ```
 */
export const sampleRequests = {
  /** The address redirects go to. */
  address: SHANGHAI_ADDRESS,

  /** An intercept for a buyer who cancelled; `reference` defaults to `icp_conformance_1`. */
  intercept(trackingNumber: string, overrides: Partial<InterceptRequest> = {}): InterceptRequest {
    return {
      trackingNumber,
      reason: 'buyer_cancelled',
      reference: 'icp_conformance_1',
      orderRef: 'ORD-CONFORMANCE-1',
      note: 'conformance check',
      parcel: { declaredValue: { amount: '129.00', currency: 'CNY' }, category: 'apparel' },
      ...overrides,
    };
  },

  /** A redirect to {@link sampleRequests.address}; `reference` defaults to `rdr_conformance_1`. */
  redirect(trackingNumber: string, overrides: Partial<RedirectRequest> = {}): RedirectRequest {
    return {
      trackingNumber,
      reference: 'rdr_conformance_1',
      orderRef: 'ORD-CONFORMANCE-1',
      newAddress: SHANGHAI_ADDRESS,
      note: 'conformance check',
      ...overrides,
    };
  },
} as const;
