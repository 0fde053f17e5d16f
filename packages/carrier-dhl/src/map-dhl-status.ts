import type { StatusMapping } from '@parcelgate/carrier-kit';

/**
 * DHL's `Event.statusCode` enum (Shipment Tracking - Unified OpenAPI 1.3.1,
 * `supermodelIoLogisticsTrackingShipmentEvent.statusCode`): the one status DHL normalizes
 * across its divisions. Exported so the conformance kit checks that each maps to a
 * normalized status.
 */
export const DHL_STATUS_CODES = [
  'pre-transit',
  'transit',
  'delivered',
  'failure',
  'unknown',
] as const;

/** One of {@link DHL_STATUS_CODES}. */
export type DhlStatusCodeValue = (typeof DHL_STATUS_CODES)[number];

/** A normalized reading plus a wording for events DHL sends without text. */
export interface DhlStatusEntry extends StatusMapping {
  readonly meaning: string;
}

/**
 * The base reading of each code before the event's words refine it. `unknown` is DHL's
 * "this division gave the event no category": the shipment exists and DHL reported
 * something, so it reads `in_transit` unless the text says more (a documented code never
 * maps to `unknown`).
 */
const DHL_STATUS_TABLE: Readonly<Record<DhlStatusCodeValue, DhlStatusEntry>> = {
  'pre-transit': { status: 'label_created', meaning: 'Shipment information received' },
  transit: { status: 'in_transit', meaning: 'In transit' },
  delivered: { status: 'delivered', meaning: 'Delivered' },
  failure: { status: 'exception', subStatus: 'other', meaning: 'Delivery failure' },
  unknown: { status: 'in_transit', meaning: 'Status update' },
};

const UNDOCUMENTED: DhlStatusEntry = { status: 'unknown', meaning: 'Undocumented status' };

/** Whether `code` is one of {@link DHL_STATUS_CODES}. */
export function isDhlStatusCode(code: string): code is DhlStatusCodeValue {
  return Object.hasOwn(DHL_STATUS_TABLE, code);
}

/** The words DHL puts in an event: `status`, `description` and `remark`, joined. */
export interface DhlEventWords {
  readonly status?: string | undefined;
  readonly description?: string | undefined;
  readonly remark?: string | undefined;
}

type Rule = readonly [RegExp, DhlStatusEntry];

const entry = (mapping: StatusMapping, meaning: string): DhlStatusEntry => ({
  ...mapping,
  meaning,
});

/** A shipment back with its sender: DHL reports it as `delivered` (to the sender). */
const RETURNED_TEXT = /\b(?:returned|delivered back) to (?:the )?(?:sender|shipper|origin)\b/i;
/** On its way back: DHL reports it as `transit` or `failure`. */
const RETURNING_TEXT =
  /\b(?:return(?:ing|ed)? (?:to|back to) (?:the )?(?:sender|shipper)|being returned|on its way back)\b/i;

/**
 * Refinements of `transit` (and `unknown`) by the event's words, first match wins. The
 * texts are the English wordings DHL divisions use (the adapter asks for `language=en`).
 */
const TRANSIT_RULES: readonly Rule[] = [
  [RETURNING_TEXT, entry({ status: 'return_in_transit' }, 'Returning to sender')],
  [
    /\b(?:out for delivery|with (?:the )?(?:delivery )?courier|loaded (?:on|onto) (?:the )?delivery vehicle)\b/i,
    entry({ status: 'out_for_delivery' }, 'Out for delivery'),
  ],
  [
    /\b(?:ready for (?:collection|pick ?up)|available for (?:collection|pick ?up)|awaiting collection|can be (?:collected|picked up))\b/i,
    entry({ status: 'available_for_pickup' }, 'Ready for pickup'),
  ],
  [
    /\b(?:delivery attempt|could not be delivered|recipient (?:was )?not (?:at home|available))\b/i,
    entry({ status: 'delivery_attempted' }, 'Delivery attempted'),
  ],
  [
    /\b(?:arrived at (?:the )?(?:delivery|destination) (?:facility|hub|depot|station)|at (?:the )?delivery (?:facility|depot|station))\b/i,
    entry({ status: 'at_destination_facility' }, 'At the delivery facility'),
  ],
  [
    /\b(?:picked up|collected|pickup (?:scan|completed))\b/i,
    entry({ status: 'picked_up' }, 'Picked up'),
  ],
];

/** Refinements of `pre-transit`: a shipment DHL already holds but has not moved. */
const PRE_TRANSIT_RULES: readonly Rule[] = [
  [
    /\b(?:picked up|collected|pickup (?:scan|completed))\b/i,
    entry({ status: 'picked_up' }, 'Picked up'),
  ],
  [/\b(?:cancelled|canceled|voided)\b/i, entry({ status: 'cancelled' }, 'Shipment cancelled')],
];

/**
 * Sub-statuses of `failure` by the event's words, first match wins; DHL publishes no code
 * table below `statusCode`, so a text none of these match stays `exception`/`other` with
 * the raw code and text kept.
 */
const FAILURE_RULES: readonly Rule[] = [
  [RETURNING_TEXT, entry({ status: 'return_in_transit' }, 'Returning to sender')],
  [
    /\bdamage/i,
    entry({ status: 'exception', subStatus: 'damaged', incident: 'damaged' }, 'Damaged'),
  ],
  [
    /\b(?:refus|rejected by the (?:recipient|receiver))/i,
    entry({ status: 'exception', subStatus: 'refused', incident: 'refused' }, 'Refused'),
  ],
  [
    /\b(?:address|addressee (?:unknown|not found)|recipient unknown)\b/i,
    entry(
      { status: 'exception', subStatus: 'address_issue', incident: 'address_not_found' },
      'Address problem',
    ),
  ],
  [
    /\b(?:lost|missing|cannot be located|unable to locate)\b/i,
    entry({ status: 'exception', subStatus: 'lost', incident: 'lost' }, 'Lost'),
  ],
  [
    /\bcustoms\b/i,
    entry({ status: 'exception', subStatus: 'held', incident: 'customs' }, 'Held by customs'),
  ],
  [
    /\bweather\b/i,
    entry({ status: 'exception', subStatus: 'held', incident: 'weather' }, 'Held by weather'),
  ],
  [/\b(?:held|on hold|hold)\b/i, entry({ status: 'exception', subStatus: 'held' }, 'Held')],
  [
    /\b(?:delivery attempt|recipient (?:was )?not (?:at home|available)|could not be delivered)\b/i,
    entry({ status: 'delivery_attempted' }, 'Delivery attempted'),
  ],
];

/**
 * Maps one event to the normalized taxonomy: the code's base reading, refined by DHL's
 * words where the code alone says too little (`transit` covers every step from pickup to
 * the delivery van; `failure` every kind of exception).
 */
export function mapDhlEventStatus(statusCode: string, words: DhlEventWords): DhlStatusEntry {
  if (!isDhlStatusCode(statusCode)) {
    return UNDOCUMENTED;
  }
  const text = [words.status, words.description, words.remark].filter(Boolean).join(' ');
  const base = DHL_STATUS_TABLE[statusCode];
  switch (statusCode) {
    case 'delivered':
      return RETURNED_TEXT.test(text) ? entry({ status: 'returned' }, 'Returned to sender') : base;
    case 'pre-transit':
      return firstMatch(PRE_TRANSIT_RULES, text) ?? base;
    case 'failure':
      return firstMatch(FAILURE_RULES, text) ?? base;
    case 'transit':
    case 'unknown':
      return firstMatch(TRANSIT_RULES, text) ?? base;
  }
}

function firstMatch(rules: readonly Rule[], text: string): DhlStatusEntry | undefined {
  return rules.find(([pattern]) => pattern.test(text))?.[1];
}
