import { Type } from 'typebox';
import { Detection } from './carriers.ts';
import {
  CarrierOptions,
  ExceptionSubStatus,
  ParcelStatus,
  PhoneLastDigits,
  PolicyReason,
  Problem,
  TrackingNumber,
} from './common.ts';
import { sampleTracking } from './examples.ts';
import { sharedSchema } from './shared-schema.ts';

/** Where an event happened or a parcel goes. */
export const Location = sharedSchema(
  'Location',
  Type.Object({
    city: Type.Optional(Type.String()),
    region: Type.Optional(Type.String()),
    postalCode: Type.Optional(Type.String()),
    country: Type.Optional(Type.String()),
    description: Type.Optional(Type.String()),
  }),
);

/** One scan or status change. */
export const TrackingEvent = sharedSchema(
  'TrackingEvent',
  Type.Object({
    occurredAt: Type.String({
      description: 'ISO 8601 with offset.',
      examples: ['2026-11-26T09:10:00+08:00'],
    }),
    status: ParcelStatus.ref,
    subStatus: Type.Optional(ExceptionSubStatus),
    incident: Type.Optional(Type.String()),
    description: Type.String(),
    location: Type.Optional(Location.ref),
    raw: Type.Object({ code: Type.String(), description: Type.Optional(Type.String()) }),
  }),
);

/** One of the carrier's own delivery options for a parcel, as its tracking reported it. */
export const DeliveryOption = sharedSchema(
  'DeliveryOption',
  Type.Object(
    {
      option: Type.String({
        description: "The carrier's own name for the option.",
        examples: ['RETURN_TO_SHIPPER'],
      }),
      operation: Type.Optional(
        Type.Union([Type.Literal('intercept'), Type.Literal('redirect')], {
          description: 'The operation it amounts to, when one does.',
        }),
      ),
      eligibility: Type.Union(
        [Type.Literal('eligible'), Type.Literal('not_eligible'), Type.Literal('possibly_eligible')],
        {
          description:
            'What the carrier said for this parcel; `possibly_eligible` when it decides only once someone asks.',
        },
      ),
      where: Type.Union([Type.Literal('api'), Type.Literal('carrier_website')], {
        description:
          "Where it can be asked for: through Parcelgate (`api`) or only on the carrier's website.",
      }),
      url: Type.Optional(
        Type.String({ description: "The carrier's page where a person asks for it." }),
      ),
    },
    {
      description:
        'A delivery change the carrier itself offers for this parcel (FedEx reports them), also when Parcelgate cannot ask for it.',
      examples: [
        {
          option: 'RETURN_TO_SHIPPER',
          operation: 'intercept',
          eligibility: 'eligible',
          where: 'carrier_website',
          url: 'https://www.fedex.com/en-us/tracking.html',
        },
      ],
    },
  ),
);

/** What a carrier said of a parcel, normalized: shared by single and bulk tracking. */
const snapshotFields = {
  carrier: Type.String(),
  detection: Type.Optional(Detection.ref),
  trackingNumber: Type.String(),
  status: ParcelStatus.ref,
  subStatus: Type.Optional(ExceptionSubStatus),
  events: Type.Array(TrackingEvent.ref, { description: 'Oldest first.' }),
  estimatedDelivery: Type.Optional(Type.String()),
  proofOfDelivery: Type.Optional(
    Type.Object({
      deliveredAt: Type.Optional(Type.String()),
      signedBy: Type.Optional(Type.String()),
      photoUrl: Type.Optional(Type.String()),
      location: Type.Optional(Location.ref),
    }),
  ),
  origin: Type.Optional(Location.ref),
  destination: Type.Optional(Location.ref),
  underlyingCarrier: Type.Optional(
    Type.Object({ code: Type.String(), name: Type.Optional(Type.String()) }),
  ),
  deliveryOptions: Type.Optional(
    Type.Array(DeliveryOption.ref, {
      description:
        "The carrier's own delivery options for this parcel, in its order, where its tracking reports them (FedEx).",
    }),
  ),
};

/** A parcel's normalized tracking, and whether it can be intercepted now. */
export const Tracking = sharedSchema(
  'Tracking',
  Type.Object(
    {
      ...snapshotFields,
      interception: Type.Object(
        {
          possible: Type.Boolean(),
          likelihood: Type.Union([Type.Literal('high'), Type.Literal('low'), Type.Literal('none')]),
          reasons: Type.Array(PolicyReason.ref),
          warnings: Type.Array(PolicyReason.ref),
        },
        {
          description:
            'Whether an intercept is possible now by status and carrier (parcel details not known here).',
        },
      ),
    },
    {
      description: "A parcel's normalized tracking and whether it can be intercepted now.",
      examples: [sampleTracking],
    },
  ),
);

/** Most parcels one bulk tracking request may carry. */
export const MAX_BATCH_TRACKING_ITEMS = 100;

const { interception: _interception, ...sampleSnapshot } = sampleTracking;

/** One parcel of a bulk tracking request. */
export const BatchTrackingItem = sharedSchema(
  'BatchTrackingItem',
  Type.Object(
    {
      carrier: Type.String({
        pattern: '^[a-z][a-z0-9-]*$',
        description: 'A loaded carrier, or `auto` to detect it from the number.',
        examples: ['sandbox', 'auto'],
      }),
      trackingNumber: TrackingNumber,
      phoneLastDigits: Type.Optional(PhoneLastDigits),
      carrierOptions: Type.Optional(CarrierOptions.ref),
    },
    {
      additionalProperties: false,
      examples: [{ carrier: 'auto', trackingNumber: 'JT1234567890123' }],
    },
  ),
);

/** `POST /v1/tracking/batch`'s body. */
export const BatchTrackingRequest = sharedSchema(
  'BatchTrackingRequest',
  Type.Object(
    {
      items: Type.Array(BatchTrackingItem.ref, {
        minItems: 1,
        maxItems: MAX_BATCH_TRACKING_ITEMS,
        description: `Up to ${MAX_BATCH_TRACKING_ITEMS} parcels, of any carriers.`,
      }),
    },
    {
      additionalProperties: false,
      examples: [
        {
          items: [
            { carrier: 'sandbox', trackingNumber: 'SBX100000016' },
            { carrier: 'auto', trackingNumber: 'JT1234567890123' },
            {
              carrier: 'kuaidi100',
              trackingNumber: '731234567890',
              carrierOptions: { com: 'zhongtong' },
            },
          ],
        },
      ],
    },
  ),
);

/** One parcel's answer in a bulk tracking answer: its tracking, or its problem. */
export const BatchTrackingResult = sharedSchema(
  'BatchTrackingResult',
  Type.Object(
    {
      index: Type.Integer({ minimum: 0, description: 'Its position in `items`, from 0.' }),
      trackingNumber: Type.String(),
      carrier: Type.String({
        description: 'As asked (`auto` included); `tracking.carrier` says who answered.',
      }),
      tracking: Type.Optional(
        Type.Object(snapshotFields, { description: 'Present when the carrier answered.' }),
      ),
      problem: Type.Optional(Problem.ref),
    },
    {
      description:
        "One parcel's answer: `tracking`, or `problem` (the problem a single read would have answered: parcel-not-found, carrier-timeout, validation-failed, ...).",
      examples: [
        { index: 0, trackingNumber: 'SBX100000016', carrier: 'sandbox', tracking: sampleSnapshot },
      ],
    },
  ),
);

/** `POST /v1/tracking/batch`'s answer. */
export const BatchTracking = sharedSchema(
  'BatchTracking',
  Type.Object(
    {
      data: Type.Array(BatchTrackingResult.ref, { description: 'One per item, in request order.' }),
    },
    {
      description: "Each parcel's tracking or problem, in the order asked.",
      examples: [
        {
          data: [
            {
              index: 0,
              trackingNumber: 'SBX100000016',
              carrier: 'sandbox',
              tracking: sampleSnapshot,
            },
            {
              index: 1,
              trackingNumber: 'SBX100000099',
              carrier: 'sandbox',
              problem: {
                type: 'https://parcelgate.dev/problems/parcel-not-found',
                title: 'The carrier does not know this parcel',
                status: 404,
                detail: 'sandbox does not know this tracking number.',
                instance: '/v1/tracking/batch',
                requestId: 'req_01JD3K9V7Q8M2N4P6R8T0V2X4Z',
                carrier: 'sandbox',
              },
            },
          ],
        },
      ],
    },
  ),
);

/** Every tracking schema with an `$id`. */
export const TRACKING_SCHEMAS = [
  Location,
  TrackingEvent,
  DeliveryOption,
  Tracking,
  BatchTrackingItem,
  BatchTrackingRequest,
  BatchTrackingResult,
  BatchTracking,
];
