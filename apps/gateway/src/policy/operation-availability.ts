import type { CarrierCapabilities, DeliveryOption, OffApiOperation } from '@parcelgate/carrier-kit';

/** The operations whose availability the API states for each carrier. */
export const STATED_OPERATIONS = [
  'track',
  'intercept',
  'redirect',
  'cancelIntercept',
  'cancelRedirect',
  'feeQuote',
  'bulkTracking',
] as const;

/** One of {@link STATED_OPERATIONS}. */
export type StatedOperation = (typeof STATED_OPERATIONS)[number];

/** The reason given for an operation the carrier offers neither by API nor elsewhere. */
export const NOT_OFFERED_REASON = 'not offered by this carrier';

/**
 * Whether one operation can be asked of a carrier through the API; when not, why, and
 * where a person can do it (the carrier's page) when the carrier offers it elsewhere.
 */
export type OperationAvailability =
  | { readonly byApi: true; readonly maxPerCall?: number }
  | { readonly byApi: false; readonly reason: string; readonly url?: string };

/**
 * What a carrier offers by API, per operation, from its declared capabilities: the one
 * reading of "can this carrier do X" for the carrier list, eligibility answers and every
 * action's check. An operation the adapter lists in `offApi` carries its reason and page.
 */
export function operationAvailability(
  capabilities: CarrierCapabilities,
): Readonly<Record<StatedOperation, OperationAvailability>> {
  const { offApi, bulkTracking, feeQuote } = capabilities;
  const mutation = (operation: 'intercept' | 'redirect'): OperationAvailability =>
    capabilities[operation] !== undefined ? { byApi: true } : offered(offApi?.[operation]);
  const cancel = (declared: unknown, action: 'intercept' | 'redirect'): OperationAvailability =>
    declared !== undefined
      ? { byApi: true }
      : capabilities[action] === undefined
        ? { byApi: false, reason: `${NOT_OFFERED_REASON}: ${action}s are not offered by API` }
        : { byApi: false, reason: `${NOT_OFFERED_REASON}: an ${action} it accepted stays` };
  return {
    track: { byApi: true },
    intercept: mutation('intercept'),
    redirect: mutation('redirect'),
    cancelIntercept: cancel(capabilities.cancelIntercept, 'intercept'),
    cancelRedirect: cancel(capabilities.cancelRedirect, 'redirect'),
    feeQuote:
      feeQuote !== undefined && feeQuote.actions.length > 0
        ? { byApi: true }
        : { byApi: false, reason: `${NOT_OFFERED_REASON}: it quotes no fee beforehand` },
    bulkTracking:
      bulkTracking !== undefined
        ? { byApi: true, maxPerCall: bulkTracking.maxPerCall }
        : {
            byApi: false,
            reason: `${NOT_OFFERED_REASON}: one parcel per call (a batch read tracks them one by one)`,
          },
  };
}

function offered(offApi: OffApiOperation | undefined): OperationAvailability {
  if (offApi === undefined) {
    return { byApi: false, reason: NOT_OFFERED_REASON };
  }
  return {
    byApi: false,
    reason: offApi.reason,
    ...(offApi.url === undefined ? {} : { url: offApi.url }),
  };
}

const SAID: Readonly<Record<DeliveryOption['eligibility'], string>> = {
  eligible: 'eligible',
  not_eligible: 'not eligible',
  possibly_eligible: 'possibly eligible (it decides when asked)',
};

/**
 * An intercept's or a redirect's availability for one parcel. Where the API cannot ask for
 * it but the carrier's tracking reported its own options for that operation on this parcel
 * (FedEx's `RETURN_TO_SHIPPER`), the reason says first what the carrier said of each for
 * this parcel and where it is asked for, then the carrier's general reason: a merchant
 * learns the carrier would accept it, and where. Unchanged otherwise.
 */
export function availabilityForParcel(
  availability: OperationAvailability,
  operation: 'intercept' | 'redirect',
  carrierName: string,
  deliveryOptions: readonly DeliveryOption[] | undefined,
): OperationAvailability {
  if (availability.byApi) {
    return availability;
  }
  const said = (deliveryOptions ?? [])
    .filter((option) => option.operation === operation)
    .map((option) => {
      const where =
        option.where !== 'carrier_website'
          ? ''
          : option.eligibility === 'not_eligible'
            ? ' (offered only on its website)'
            : `, but offers it only on its website${option.url === undefined ? '' : ` (${option.url})`}`;
      return `${carrierName} reports ${option.option} as ${SAID[option.eligibility]} for this parcel${where}`;
    });
  if (said.length === 0) {
    return availability;
  }
  return { ...availability, reason: `${said.join('; ')}. ${availability.reason}` };
}
