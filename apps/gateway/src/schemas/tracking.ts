import { Type } from 'typebox';
import { Detection } from './carriers.ts';
import { ExceptionSubStatus, ParcelStatus, PolicyReason } from './common.ts';
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

/** A parcel's normalized tracking, and whether it can be intercepted now. */
export const Tracking = sharedSchema(
  'Tracking',
  Type.Object(
    {
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

/** Every tracking schema with an `$id`. */
export const TRACKING_SCHEMAS = [Location, TrackingEvent, Tracking];
