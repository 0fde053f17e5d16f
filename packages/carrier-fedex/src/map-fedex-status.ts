import type { StatusMapping } from '@parcelgate/carrier-kit';

/**
 * Every FedEx status and scan code the adapter reads, from `latestStatusDetail.code` /
 * `derivedCode` and `scanEvents[].eventType` / `derivedStatusCode`: the codes in FedEx's
 * Track API examples (`PU`, `DE`, `DP`, `HL`, `OC`), `DL`, and the scan codes of FedEx's
 * Web Services track guide (`AA` ... `DD`), plus `IT`, `OD`, `RS`, `SE`. Exported so the
 * conformance kit checks that each one maps to a normalized status.
 */
export const FEDEX_STATUS_CODES = [
  'OC',
  'PU',
  'IT',
  'AA',
  'AC',
  'AF',
  'AR',
  'AX',
  'DP',
  'CC',
  'CH',
  'CP',
  'OD',
  'DL',
  'DE',
  'SE',
  'CD',
  'DD',
  'HL',
  'RS',
  'CA',
] as const;

/** One of {@link FEDEX_STATUS_CODES}. */
export type FedexStatusCode = (typeof FEDEX_STATUS_CODES)[number];

/** A normalized reading plus FedEx's wording, used when an event comes without text. */
export interface FedexStatusEntry extends StatusMapping {
  readonly meaning: string;
}

/**
 * The base reading of each code, before the scan's exception code, location type and text
 * refine it (see {@link mapFedexScan}). Handed to a partner for the last mile (`AC` Canada
 * Post, `AX` USPS) is still on its way; customs cleared or in progress (`CC`, `CP`) too.
 * A clearance delay (`CD`) holds the parcel at customs; a delivery delay (`DD`) holds it
 * too. `HL` (held at a FedEx location for the recipient) is `available_for_pickup`.
 */
const FEDEX_STATUS_TABLE: Readonly<Record<FedexStatusCode, FedexStatusEntry>> = {
  OC: { status: 'label_created', meaning: 'Label created' },
  PU: { status: 'picked_up', meaning: 'Picked up' },
  IT: { status: 'in_transit', meaning: 'In transit' },
  AA: { status: 'in_transit', meaning: 'At airport' },
  AC: { status: 'in_transit', meaning: 'At Canada Post facility' },
  AF: { status: 'in_transit', meaning: 'At local FedEx facility' },
  AR: { status: 'in_transit', meaning: 'Arrived at FedEx location' },
  AX: { status: 'in_transit', meaning: 'At USPS facility' },
  DP: { status: 'in_transit', meaning: 'Departed FedEx location' },
  CC: { status: 'in_transit', meaning: 'International shipment release' },
  CH: { status: 'in_transit', meaning: 'Location changed' },
  CP: { status: 'in_transit', meaning: 'Clearance in progress' },
  OD: { status: 'out_for_delivery', meaning: 'On FedEx vehicle for delivery' },
  DL: { status: 'delivered', meaning: 'Delivered' },
  DE: { status: 'exception', subStatus: 'other', meaning: 'Delivery exception' },
  SE: { status: 'exception', subStatus: 'other', meaning: 'Shipment exception' },
  CD: {
    status: 'exception',
    subStatus: 'held',
    incident: 'customs',
    meaning: 'Clearance delay',
  },
  DD: {
    status: 'exception',
    subStatus: 'held',
    incident: 'delayed',
    meaning: 'Delivery delay',
  },
  HL: { status: 'available_for_pickup', meaning: 'Ready for recipient pickup' },
  RS: { status: 'return_in_transit', meaning: 'Return to shipper' },
  CA: { status: 'cancelled', meaning: 'Shipment cancelled' },
};

const UNDOCUMENTED: FedexStatusEntry = { status: 'unknown', meaning: 'Undocumented status' };

/** Whether `code` is one of the documented codes. */
export function isFedexStatusCode(code: string): code is FedexStatusCode {
  return Object.hasOwn(FEDEX_STATUS_TABLE, code);
}

/** The base reading of a code alone; undocumented codes are `unknown`, never guessed. */
export function mapFedexStatusCode(code: string): FedexStatusEntry {
  return isFedexStatusCode(code) ? FEDEX_STATUS_TABLE[code] : UNDOCUMENTED;
}

/**
 * FedEx's 2-digit delivery exception codes with a reading of their own ([3P]: FedEx
 * publishes no table as a file): `03` incorrect address, `07` refused by recipient, `08`
 * recipient not available or business closed (a failed attempt, not a stuck parcel).
 */
export const FEDEX_EXCEPTION_CODES: Readonly<Record<string, StatusMapping>> = {
  '03': { status: 'exception', subStatus: 'address_issue', incident: 'address_not_found' },
  '07': { status: 'exception', subStatus: 'refused', incident: 'refused' },
  '08': { status: 'delivery_attempted' },
};

/**
 * Exception texts, first match wins, for exception codes without a reading of their own
 * (FedEx's `exceptionDescription`, `ancillaryDetails[].reasonDescription`, English because
 * the adapter always asks for `en_US`). A text none of these match stays `exception` with
 * the code's sub-status and the raw code and text kept.
 */
const EXCEPTION_TEXTS: readonly (readonly [RegExp, StatusMapping])[] = [
  [/\bdamage/i, { status: 'exception', subStatus: 'damaged', incident: 'damaged' }],
  [/\brefus/i, { status: 'exception', subStatus: 'refused', incident: 'refused' }],
  [
    /\b(?:incorrect|insufficient|invalid|wrong) address|\baddress (?:correction|incorrect|incomplete)/i,
    { status: 'exception', subStatus: 'address_issue', incident: 'address_not_found' },
  ],
  [
    /\b(?:lost|missing|unable to locate|cannot be located)\b/i,
    { status: 'exception', subStatus: 'lost', incident: 'lost' },
  ],
  [/\b(?:customs|clearance)\b/i, { status: 'exception', subStatus: 'held', incident: 'customs' }],
  [/\bweather\b/i, { status: 'exception', subStatus: 'held', incident: 'weather' }],
  [/\b(?:held|hold)\b/i, { status: 'exception', subStatus: 'held' }],
  [
    /\b(?:customer not available|recipient not available|business closed|no one (?:was )?available)\b/i,
    { status: 'delivery_attempted' },
  ],
];

/** The location types where an arrival means the parcel reached its last facility. */
const DESTINATION_LOCATION_TYPES = new Set(['DESTINATION_FEDEX_FACILITY']);

/** What a scan (or the latest status) says, as the mapper reads it. */
export interface FedexScanStatus {
  /** `eventType` of a scan, `code` of `latestStatusDetail`. */
  readonly code: string | undefined;
  /** `derivedStatusCode` of a scan, `derivedCode` of `latestStatusDetail`. */
  readonly derivedCode?: string | undefined;
  readonly exceptionCode?: string | undefined;
  /** Exception text, event text and ancillary reasons, in that order. */
  readonly texts?: readonly (string | undefined)[];
  readonly locationType?: string | undefined;
}

/** The reading of one scan, with the code it was read from. */
export interface FedexScanReading extends FedexStatusEntry {
  /** The documented code the reading came from, or the scan's own when none is documented. */
  readonly code: string;
}

/**
 * Reads one scan: its scan code when documented, else its derived status code (FedEx
 * derives a small set, `IT`, `DL`, `DE`, ..., from many scan codes); then
 * - an arrival (`AR`) at a `DESTINATION_FEDEX_FACILITY` is `at_destination_facility`;
 * - an exception (`DE`, `SE`) is refined by its 2-digit exception code
 *   ({@link FEDEX_EXCEPTION_CODES}), else by its text;
 * - a delivery whose text says it went back to the shipper is `returned`.
 */
export function mapFedexScan(scan: FedexScanStatus): FedexScanReading {
  const code =
    scan.code !== undefined && isFedexStatusCode(scan.code)
      ? scan.code
      : scan.derivedCode !== undefined && isFedexStatusCode(scan.derivedCode)
        ? scan.derivedCode
        : (scan.code ?? scan.derivedCode ?? '');
  const base = mapFedexStatusCode(code);
  const reading = refine(base, scan);
  return { ...reading, meaning: base.meaning, code };
}

function refine(base: FedexStatusEntry, scan: FedexScanStatus): StatusMapping {
  if (base.status === 'in_transit' && DESTINATION_LOCATION_TYPES.has(scan.locationType ?? '')) {
    return { status: 'at_destination_facility' };
  }
  const texts = (scan.texts ?? []).filter((text): text is string => text !== undefined);
  if (base.status === 'delivered') {
    return texts.some((text) =>
      /\b(?:returned|delivered) to (?:the )?(?:shipper|sender)\b/i.test(text),
    )
      ? { status: 'returned' }
      : { status: 'delivered' };
  }
  if (base.status !== 'exception') {
    return withoutMeaning(base);
  }
  const byCode =
    scan.exceptionCode === undefined ? undefined : FEDEX_EXCEPTION_CODES[scan.exceptionCode];
  if (byCode !== undefined) {
    return byCode;
  }
  for (const text of texts) {
    const match = EXCEPTION_TEXTS.find(([pattern]) => pattern.test(text));
    if (match !== undefined) {
      return match[1];
    }
  }
  return withoutMeaning(base);
}

function withoutMeaning({ status, subStatus, incident }: FedexStatusEntry): StatusMapping {
  return {
    status,
    ...(subStatus === undefined ? {} : { subStatus }),
    ...(incident === undefined ? {} : { incident }),
  };
}
