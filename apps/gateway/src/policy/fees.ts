import type { FeePolicy } from '@parcelgate/carrier-kit';
import type { FeeAssessment, PickupMode } from './policy-types.ts';

/** Who pays under the domain's default rule, by pickup mode (docs/domain.md, "The rules the gateway applies"). */
const BY_PICKUP_MODE: Record<PickupMode, FeeAssessment> = {
  platform_pickup: {
    payer: 'carrier',
    note: 'returned free by the pickup driver along the original route',
  },
  self_dropoff: {
    payer: 'merchant',
    note: "return freight paid by the merchant as cash on delivery, at the price agreed with the carrier's local branch",
  },
};

/**
 * Who pays for an intercept under the carrier's fee policy. A carrier that declares no
 * policy gets the domain default, `by_pickup_mode`.
 */
export function assessInterceptFee(
  feePolicy: FeePolicy | undefined,
  pickupMode: PickupMode,
): FeeAssessment {
  const policy = feePolicy ?? { kind: 'by_pickup_mode' };
  switch (policy.kind) {
    case 'by_pickup_mode':
      return BY_PICKUP_MODE[pickupMode];
    case 'carrier_quote':
      return {
        payer: 'merchant',
        note: 'the carrier quotes a fee per parcel, charged to the merchant',
        quoteRequired: true,
      };
    case 'flat':
      return {
        payer: 'merchant',
        note: 'a flat fee charged to the merchant by the carrier',
        amount: policy.amount,
      };
    case 'free':
      return { payer: 'carrier', note: 'the carrier does not charge for intercepts' };
  }
}

/**
 * Who pays for a redirect beyond the platform's free ones: the merchant, at the carrier's
 * flat fee or quote, unless the carrier never charges. Pickup mode does not matter here:
 * the domain ties it to return freight only.
 */
export function assessChargedRedirectFee(feePolicy: FeePolicy | undefined): FeeAssessment {
  const note = "the order's free redirect is used, so this one is charged to the merchant";
  const policy = feePolicy ?? { kind: 'by_pickup_mode' };
  switch (policy.kind) {
    case 'by_pickup_mode':
      return { payer: 'merchant', note };
    case 'carrier_quote':
      return { payer: 'merchant', note: `${note} at the carrier's quote`, quoteRequired: true };
    case 'flat':
      return {
        payer: 'merchant',
        note: `${note} at the carrier's flat fee`,
        amount: policy.amount,
      };
    case 'free':
      return { payer: 'carrier', note: 'the carrier does not charge for redirects' };
  }
}

/** The platform's free redirect (docs/domain.md, "The rules the gateway applies"). */
export function freeRedirectFee(freePerOrder: number): FeeAssessment {
  const count = freePerOrder === 1 ? 'one redirect' : `${freePerOrder} redirects`;
  return { payer: 'platform', note: `the platform pays for ${count} per order` };
}
