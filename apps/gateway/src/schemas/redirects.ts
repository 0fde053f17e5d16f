import { Type } from 'typebox';
import { REDIRECT_LIFECYCLE_STATUSES } from '../policy/codes.ts';
import {
  Attempt,
  CarrierId,
  CarrierOptions,
  closed,
  Fee,
  InterceptReason,
  NextAction,
  OrderRef,
  ParcelStatus,
  PhoneLastDigits,
  PickupMode,
  PolicyReason,
  TrackingNumber,
  Transition,
} from './common.ts';
import { sampleRedirect } from './examples.ts';
import { listQueryOf } from './intercepts.ts';
import { sharedSchema } from './shared-schema.ts';

/** A delivery address. Phone and street are personal data: redacted from logs. */
export const Address = sharedSchema(
  'Address',
  Type.Object(
    {
      name: Type.String({ minLength: 1, maxLength: 100 }),
      phone: Type.String({ minLength: 5, maxLength: 32, pattern: '^\\+?[0-9 ()-]+$' }),
      line1: Type.String({ minLength: 1, maxLength: 200 }),
      line2: Type.Optional(Type.String({ maxLength: 200 })),
      city: Type.String({ minLength: 1, maxLength: 100 }),
      region: Type.Optional(Type.String({ maxLength: 100 })),
      postalCode: Type.Optional(Type.String({ maxLength: 20 })),
      country: Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2.' }),
    },
    closed,
  ),
);

/** The body of a redirect. */
export const RedirectRequest = sharedSchema(
  'RedirectRequest',
  Type.Object(
    {
      carrier: CarrierId,
      trackingNumber: TrackingNumber,
      orderRef: OrderRef,
      reason: InterceptReason.ref,
      pickupMode: Type.Optional(PickupMode.ref),
      newAddress: Address.ref,
      note: Type.Optional(Type.String({ maxLength: 500 })),
      phoneLastDigits: Type.Optional(PhoneLastDigits),
      carrierOptions: Type.Optional(CarrierOptions.ref),
    },
    {
      ...closed,
      examples: [
        {
          carrier: 'sandbox',
          trackingNumber: 'SBX100000016',
          orderRef: 'TTS-5801',
          reason: 'address_error',
          newAddress: {
            name: 'Li Lei',
            phone: '+8613800000000',
            line1: '1 Renmin Rd',
            city: 'Suzhou',
            region: 'JS',
            postalCode: '215000',
            country: 'CN',
          },
        },
      ],
    },
  ),
);

/** The redirect lifecycle states. */
export const RedirectStatus = sharedSchema(
  'RedirectStatus',
  Type.Enum(['pending', 'accepted', 'redirected', 'rejected', 'failed', 'cancelled'] as const),
);

/** A redirect and its history. */
export const Redirect = sharedSchema(
  'Redirect',
  Type.Object(
    {
      id: Type.String({ examples: ['rdr_01JD3K9V7Q8M2N4P6R8T0V2X4Z'] }),
      status: RedirectStatus.ref,
      carrier: Type.String(),
      trackingNumber: Type.String(),
      orderRef: Type.String(),
      reason: InterceptReason.ref,
      newAddress: Address.ref,
      free: Type.Boolean({
        description: "Whether this redirect used the order's one free redirect.",
      }),
      likelihood: Type.String(),
      parcelStatus: Type.Union([ParcelStatus.ref, Type.Null()], {
        description:
          "The parcel's latest known status: at the request, then as reconciliation's tracking reads and the carrier's pushes follow it.",
      }),
      parcelStatusAtRequest: Type.Union([ParcelStatus.ref, Type.Null()], {
        description: "The parcel's status when the action was asked for.",
      }),
      fee: Fee.ref,
      reasons: Type.Array(PolicyReason.ref),
      warnings: Type.Array(PolicyReason.ref),
      carrierReference: Type.Union([Type.String(), Type.Null()]),
      carrierReason: Type.Union([Type.String(), Type.Null()]),
      statusDetail: Type.Union([Type.String(), Type.Null()]),
      needsAttention: Type.Boolean({
        description:
          'True when no final outcome came from the carrier before the reconciliation deadline: a person should check with the carrier. The status is left as it was.',
      }),
      attentionReason: Type.Union([Type.String(), Type.Null()], {
        description: 'Why it needs attention; null when it does not.',
      }),
      nextActions: Type.Array(NextAction.ref),
      transitions: Type.Array(Transition.ref),
      attempts: Type.Array(Attempt.ref),
      createdAt: Type.String({ format: 'date-time' }),
      updatedAt: Type.String({ format: 'date-time' }),
    },
    {
      description: 'A redirect: a request to deliver a parcel in transit to a new address.',
      examples: [sampleRedirect],
    },
  ),
);

/** A page of redirects. */
export const RedirectList = sharedSchema(
  'RedirectList',
  Type.Object(
    {
      data: Type.Array(Redirect.ref),
      nextCursor: Type.Union([Type.String(), Type.Null()]),
    },
    {
      description: 'A page of redirects, newest first.',
      examples: [{ data: [sampleRedirect], nextCursor: null }],
    },
  ),
);

/** Filters of `GET /v1/redirects`. */
export const RedirectListQuery = listQueryOf(REDIRECT_LIFECYCLE_STATUSES);

/** Every redirect schema with an `$id`. */
export const REDIRECT_SCHEMAS = [Address, RedirectRequest, RedirectStatus, Redirect, RedirectList];
