import type { FedexResultView } from './fedex-track-wire.ts';

/**
 * FedEx's delivery options (`DeliveryOptionElgibilityDetails.option`). FedEx's document
 * says: "For eligible DISPUTE_DELIVERY, RETURN_TO_SHIPPER, SUPPLEMENT_ADDRESS go to
 * fedex.com to perform the option/action".
 */
export const FEDEX_DELIVERY_OPTIONS = [
  'DISPUTE_DELIVERY',
  'INDIRECT_SIGNATURE_RELEASE',
  'REDIRECT_TO_HOLD_AT_LOCATION',
  'REROUTE',
  'RESCHEDULE',
  'RETURN_TO_SHIPPER',
  'SUPPLEMENT_ADDRESS',
] as const;

/** Where FedEx lets a person change a parcel's delivery (return it, reroute, hold it). */
export const FEDEX_MANAGE_DELIVERY_URL = 'https://www.fedex.com/en-us/tracking.html';

/** The Parcelgate action a FedEx delivery option corresponds to, when one does. */
const ACTION_OF_OPTION: Readonly<Record<string, 'intercept' | 'redirect'>> = {
  RETURN_TO_SHIPPER: 'intercept',
  REROUTE: 'redirect',
  REDIRECT_TO_HOLD_AT_LOCATION: 'redirect',
};

/** One delivery option FedEx reports for a parcel, read for an eligibility answer. */
export interface FedexDeliveryOption {
  /** FedEx's option, one of {@link FEDEX_DELIVERY_OPTIONS} or a newer one. */
  readonly option: string;
  /** The Parcelgate action it corresponds to: return to shipper is an intercept. */
  readonly action: 'intercept' | 'redirect' | undefined;
  /**
   * `true` for FedEx's `ELIGIBLE`, `false` for `INELIGIBLE`, undefined for anything else
   * (`POSSIBLY_ELIGIBLE`, absent): FedEx decides when a person asks.
   */
  readonly eligible: boolean | undefined;
  /** FedEx's own word, kept for support. */
  readonly eligibility: string | undefined;
  /**
   * Why the gateway cannot do it and where a person can: every option is done on
   * fedex.com, since this adapter calls no FedEx API that changes a delivery.
   */
  readonly reason: string;
}

/**
 * The delivery options of one track result, in FedEx's order. Return to shipper and
 * reroute are offered by FedEx only on fedex.com; the reason says so, so an eligibility
 * answer can tell a merchant that FedEx would accept it, and where.
 */
export function readFedexDeliveryOptions(
  result: Pick<FedexResultView, 'deliveryOptions'>,
): FedexDeliveryOption[] {
  return result.deliveryOptions.map(({ option, eligibility }) => {
    const word = eligibility?.toUpperCase();
    const eligible = word === 'ELIGIBLE' ? true : word === 'INELIGIBLE' ? false : undefined;
    const said =
      eligible === true ? 'eligible' : eligible === false ? 'not eligible' : 'possibly eligible';
    return {
      option,
      action: ACTION_OF_OPTION[option],
      eligible,
      eligibility,
      reason: `FedEx reports ${option} as ${said}; FedEx offers it only on fedex.com (${FEDEX_MANAGE_DELIVERY_URL}), not through its API`,
    };
  });
}
