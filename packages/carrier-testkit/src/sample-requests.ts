import type {
  Address,
  CancelRequest,
  FeeQuoteAction,
  FeeQuoteRequest,
  InterceptRequest,
  RedirectRequest,
} from '@parcelgate/carrier-kit';

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

/** Builders of the requests the conformance checks send. */
export interface SampleRequests {
  /** The address redirects go to. */
  readonly address: Address;
  /** An intercept for a buyer who cancelled; `reference` defaults to `icp_conformance_1`. */
  intercept(trackingNumber: string, overrides?: Partial<InterceptRequest>): InterceptRequest;
  /** A redirect to `address`; `reference` defaults to `rdr_conformance_1`. */
  redirect(trackingNumber: string, overrides?: Partial<RedirectRequest>): RedirectRequest;
  /** A cancel of the action placed with `reference` (and the carrier's id of it, if any). */
  cancel(
    trackingNumber: string,
    placed: { readonly reference: string; readonly carrierReference?: string | undefined },
    overrides?: Partial<CancelRequest>,
  ): CancelRequest;
  /** A fee quote for `action`; a redirect's quote goes to `address`. */
  feeQuote(
    trackingNumber: string,
    action: FeeQuoteAction,
    overrides?: Partial<FeeQuoteRequest>,
  ): FeeQuoteRequest;
}

/**
 * What a carrier changes in the sample requests, for a carrier that rightly refuses the
 * defaults before sending (UPS redirects only to US addresses). Per-call overrides still
 * win over these.
 */
export interface SampleOverrides {
  /** Where sample redirects go instead of the Shanghai address. */
  readonly address?: Address;
  /** Fields every sample intercept carries, e.g. a declared value in the carrier's currency. */
  readonly intercept?: Partial<Omit<InterceptRequest, 'trackingNumber'>>;
  /** Fields every sample redirect carries; `newAddress` here beats `address`. */
  readonly redirect?: Partial<Omit<RedirectRequest, 'trackingNumber'>>;
}

/**
 * Sample requests with a carrier's overrides applied: what `describeCarrierConformance`
 * sends when given `samples`, and what an adapter's own tests can send to match.
 *
 * @example
 * ```ts
 * const upsSamples = createSampleRequests({ address: US_ADDRESS });
 * await upsCarrier.redirect(ctx, upsSamples.redirect('1Z...'));
 * ```
 */
export function createSampleRequests(overrides: SampleOverrides = {}): SampleRequests {
  const address = overrides.redirect?.newAddress ?? overrides.address ?? SHANGHAI_ADDRESS;
  return {
    address,
    intercept: (trackingNumber, perCall = {}) => ({
      trackingNumber,
      reason: 'buyer_cancelled',
      reference: 'icp_conformance_1',
      orderRef: 'ORD-CONFORMANCE-1',
      note: 'conformance check',
      parcel: { declaredValue: { amount: '129.00', currency: 'CNY' }, category: 'apparel' },
      ...overrides.intercept,
      ...perCall,
    }),
    redirect: (trackingNumber, perCall = {}) => ({
      trackingNumber,
      reference: 'rdr_conformance_1',
      orderRef: 'ORD-CONFORMANCE-1',
      note: 'conformance check',
      ...overrides.redirect,
      newAddress: address,
      ...perCall,
    }),
    cancel: (trackingNumber, placed, perCall = {}) => ({
      trackingNumber,
      reference: placed.reference,
      ...(placed.carrierReference === undefined
        ? {}
        : { carrierReference: placed.carrierReference }),
      ...perCall,
    }),
    feeQuote: (trackingNumber, action, perCall = {}) => ({
      trackingNumber,
      action,
      ...(action === 'redirect' ? { newAddress: address } : {}),
      ...perCall,
    }),
  };
}

/**
 * Requests the conformance checks send by default, for adapters' own tests too: the same
 * shapes the gateway builds, with a Parcelgate reference and a Chinese address with a
 * phone number.
 *
 * @example
 * ```ts
 * await acmeCarrier.intercept(ctx, sampleRequests.intercept('ACM123'));
 * await acmeCarrier.redirect(ctx, sampleRequests.redirect('ACM123', { note: 'leave at the door' }));
 * ```
 */
export const sampleRequests: SampleRequests = createSampleRequests();
