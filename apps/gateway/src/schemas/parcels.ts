import { Type } from 'typebox';
import { CarrierId, closed, OrderRef, TrackingNumber } from './common.ts';
import { sampleRegisteredParcel } from './examples.ts';
import { sharedSchema } from './shared-schema.ts';

/** A parcel id, `pcl_` and a ULID. */
export const ParcelId = Type.String({
  pattern: '^pcl_[0-9A-Z]{26}$',
  examples: ['pcl_01JD3K9V7Q8M2N4P6R8T0V2X4Z'],
});

/** A parcel the tenant registered as its own. */
export const RegisteredParcel = sharedSchema(
  'RegisteredParcel',
  Type.Object(
    {
      id: ParcelId,
      carrier: CarrierId,
      trackingNumber: TrackingNumber,
      orderRef: Type.Union([OrderRef, Type.Null()]),
      createdAt: Type.String({ format: 'date-time' }),
    },
    { examples: [sampleRegisteredParcel] },
  ),
);

/** A page of registered parcels. */
export const RegisteredParcelList = sharedSchema(
  'RegisteredParcelList',
  Type.Object(
    {
      data: Type.Array(RegisteredParcel.ref),
      nextCursor: Type.Union([Type.String(), Type.Null()]),
    },
    { examples: [{ data: [sampleRegisteredParcel], nextCursor: null }] },
  ),
);

/** The body of `POST /v1/parcels`. */
export const NewParcel = sharedSchema(
  'NewParcel',
  Type.Object(
    {
      carrier: CarrierId,
      trackingNumber: TrackingNumber,
      orderRef: Type.Optional(OrderRef),
    },
    {
      ...closed,
      examples: [{ carrier: 'sandbox', trackingNumber: 'SBX100000016', orderRef: 'TTS-5801' }],
    },
  ),
);

/** Every schema of this module, for `addSchema`. */
export const PARCEL_SCHEMAS = [RegisteredParcel, RegisteredParcelList, NewParcel];
