import type { DeliveryOption, DeliveryOptionEligibility } from '@parcelgate/carrier-kit';
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

/** The Parcelgate operation a FedEx delivery option amounts to, when one does. */
const OPERATION_OF_OPTION: Readonly<Record<string, 'intercept' | 'redirect'>> = {
  RETURN_TO_SHIPPER: 'intercept',
  REROUTE: 'redirect',
  REDIRECT_TO_HOLD_AT_LOCATION: 'redirect',
};

/**
 * The delivery options of one track result, in FedEx's order, as the contract's
 * `deliveryOptions`. Every one is asked for on fedex.com: this adapter calls no FedEx API
 * that changes a delivery. FedEx's `ELIGIBLE` and `INELIGIBLE` are kept; anything else
 * (`POSSIBLY_ELIGIBLE`, absent) means FedEx decides when a person asks.
 */
export function readFedexDeliveryOptions(
  result: Pick<FedexResultView, 'deliveryOptions'>,
): DeliveryOption[] {
  return result.deliveryOptions.map(({ option, eligibility }) => {
    const operation = OPERATION_OF_OPTION[option];
    return {
      option,
      ...(operation === undefined ? {} : { operation }),
      eligibility: eligibilityOf(eligibility),
      where: 'carrier_website',
      url: FEDEX_MANAGE_DELIVERY_URL,
    };
  });
}

function eligibilityOf(word: string | undefined): DeliveryOptionEligibility {
  switch (word?.toUpperCase()) {
    case 'ELIGIBLE':
      return 'eligible';
    case 'INELIGIBLE':
      return 'not_eligible';
    default:
      return 'possibly_eligible';
  }
}
