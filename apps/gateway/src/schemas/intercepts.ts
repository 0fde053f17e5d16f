import { INTERCEPT_REASONS } from '@parcelgate/carrier-kit';
import { Type } from 'typebox';
import { INTERCEPT_LIFECYCLE_STATUSES } from '../policy/codes.ts';
import { OperationAvailability } from './carriers.ts';
import {
  Attempt,
  CarrierId,
  CarrierOptions,
  closed,
  Fee,
  FeeQuote,
  InterceptReason,
  NextAction,
  OrderRef,
  ParcelDetails,
  ParcelStatus,
  PhoneLastDigits,
  PickupMode,
  PolicyReason,
  TrackingNumber,
  Transition,
} from './common.ts';
import { DATE_TIME_RULE } from './date-time-format.ts';
import { sampleIntercept } from './examples.ts';
import { sharedSchema } from './shared-schema.ts';

const interceptExample = {
  carrier: 'sandbox',
  trackingNumber: 'SBX100000016',
  reason: 'buyer_cancelled',
  orderRef: 'TTS-5801',
  pickupMode: 'platform_pickup',
  parcel: { declaredValue: { amount: '129.00', currency: 'CNY' }, category: 'apparel' },
};

/** The body of an intercept, and of its dry run. */
export const InterceptRequest = sharedSchema(
  'InterceptRequest',
  Type.Object(
    {
      carrier: CarrierId,
      trackingNumber: TrackingNumber,
      reason: InterceptReason.ref,
      orderRef: Type.Optional(OrderRef),
      pickupMode: PickupMode.ref,
      parcel: Type.Optional(ParcelDetails.ref),
      note: Type.Optional(Type.String({ maxLength: 500 })),
      phoneLastDigits: Type.Optional(PhoneLastDigits),
      carrierOptions: Type.Optional(CarrierOptions.ref),
    },
    { ...closed, examples: [interceptExample] },
  ),
);

/** The answer of the dry run. */
export const Eligibility = sharedSchema(
  'Eligibility',
  Type.Object(
    {
      eligible: Type.Boolean(),
      availability: OperationAvailability.ref,
      likelihood: Type.Union([Type.Literal('high'), Type.Literal('low'), Type.Literal('none')]),
      parcelStatus: ParcelStatus.ref,
      reasons: Type.Array(PolicyReason.ref),
      warnings: Type.Array(PolicyReason.ref),
      fee: Fee.ref,
      feeQuote: Type.Union([FeeQuote.ref, Type.Null()], {
        description:
          "The carrier's own price for the intercept, asked within the dry run's budget where the carrier quotes one (UPS); null where it does not, or did not answer in time. `fee.payer` says who pays it: nothing for the merchant after a platform pickup, this price otherwise.",
      }),
      nextActions: Type.Array(NextAction.ref),
    },
    {
      description: 'Whether the parcel can be intercepted now, and on what terms.',
      examples: [
        {
          eligible: false,
          availability: { byApi: true },
          likelihood: 'none',
          parcelStatus: 'out_for_delivery',
          reasons: [
            { code: 'out_for_delivery', message: 'The parcel is already out for delivery.' },
          ],
          warnings: [],
          fee: {
            payer: 'carrier',
            note: 'returned free by the pickup driver along the original route',
          },
          feeQuote: null,
          nextActions: ['ask_buyer_to_refuse_delivery'],
        },
      ],
    },
  ),
);

/** The intercept lifecycle states. */
export const InterceptStatus = sharedSchema(
  'InterceptStatus',
  Type.Enum(
    ['pending', 'accepted', 'returning', 'returned', 'rejected', 'failed', 'cancelled'] as const,
    {
      description:
        'pending (sent, answer not known yet) -> accepted -> returning -> returned; or rejected, failed, cancelled.',
    },
  ),
);

/** An intercept and its history. */
export const Intercept = sharedSchema(
  'Intercept',
  Type.Object(
    {
      id: Type.String({ examples: ['icp_01JD3K9V7Q8M2N4P6R8T0V2X4Z'] }),
      status: InterceptStatus.ref,
      carrier: Type.String(),
      trackingNumber: Type.String(),
      reason: InterceptReason.ref,
      orderRef: Type.Union([Type.String(), Type.Null()]),
      pickupMode: PickupMode.ref,
      parcel: Type.Union([ParcelDetails.ref, Type.Null()]),
      likelihood: Type.String(),
      parcelStatus: Type.Union([ParcelStatus.ref, Type.Null()], {
        description:
          "The parcel's latest known status: at the request, then as reconciliation's tracking reads and the carrier's pushes follow it.",
      }),
      parcelStatusAtRequest: Type.Union([ParcelStatus.ref, Type.Null()], {
        description: "The parcel's status when the action was asked for.",
      }),
      fee: Fee.ref,
      reasons: Type.Array(PolicyReason.ref, {
        description: 'Why policy or the carrier refused it.',
      }),
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
      description: 'An intercept: a request to stop a parcel and return it to the sender.',
      examples: [sampleIntercept],
    },
  ),
);

/** A page of intercepts. */
export const InterceptList = sharedSchema(
  'InterceptList',
  Type.Object(
    {
      data: Type.Array(Intercept.ref),
      nextCursor: Type.Union([Type.String(), Type.Null()], {
        description: 'Pass as `cursor` for the next page; null on the last page.',
      }),
    },
    {
      description: 'A page of intercepts, newest first.',
      examples: [{ data: [sampleIntercept], nextCursor: null }],
    },
  ),
);

/**
 * Filters of `GET /v1/intercepts` and `GET /v1/redirects`, given the kind's statuses: an
 * unknown status or reason is a 400 listing the allowed values, not an empty page.
 */
export function listQueryOf(statuses: readonly string[]) {
  return Type.Object(
    {
      status: Type.Optional(Type.Enum(statuses)),
      carrier: Type.Optional(CarrierId),
      reason: Type.Optional(Type.Enum(INTERCEPT_REASONS)),
      orderRef: Type.Optional(OrderRef),
      trackingNumber: Type.Optional(TrackingNumber),
      createdFrom: Type.Optional(
        Type.String({ format: 'date-time', description: `Inclusive. ${DATE_TIME_RULE}` }),
      ),
      createdTo: Type.Optional(
        Type.String({ format: 'date-time', description: `Exclusive. ${DATE_TIME_RULE}` }),
      ),
      needsAttention: Type.Optional(
        Type.Boolean({
          description:
            'Only those flagged for a person (`true`: no final outcome within their window; see `attentionReason`), or only the others (`false`).',
        }),
      ),
      cursor: Type.Optional(Type.String({ maxLength: 200 })),
      limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
    },
    closed,
  );
}

/** Filters of `GET /v1/intercepts`. */
export const InterceptListQuery = listQueryOf(INTERCEPT_LIFECYCLE_STATUSES);

/** Every intercept schema with an `$id`. */
export const INTERCEPT_SCHEMAS = [
  InterceptRequest,
  Eligibility,
  InterceptStatus,
  Intercept,
  InterceptList,
];
