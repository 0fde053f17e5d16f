import {
  EXCEPTION_SUB_STATUSES,
  INTERCEPT_REASONS,
  NORMALIZED_STATUSES,
} from '@parcelgate/carrier-kit';
import { Type } from 'typebox';
import { NEXT_ACTIONS } from '../policy/codes.ts';
import { sharedSchema } from './shared-schema.ts';

/** Shorthand for closed objects: unknown fields are rejected on input. */
export const closed = { additionalProperties: false } as const;

/** Money as a decimal string and an ISO 4217 code. */
export const Money = sharedSchema(
  'Money',
  Type.Object(
    {
      amount: Type.String({
        pattern: '^(?:0|[1-9][0-9]{0,14})(?:\\.[0-9]{1,4})?$',
        description: 'Decimal string, never a float.',
        examples: ['129.00'],
      }),
      currency: Type.String({
        pattern: '^[A-Z]{3}$',
        description: 'ISO 4217 code.',
        examples: ['CNY'],
      }),
    },
    { ...closed, description: 'An amount of money.' },
  ),
);

/** The normalized parcel statuses. */
export const ParcelStatus = sharedSchema(
  'ParcelStatus',
  Type.Enum(NORMALIZED_STATUSES, {
    description: 'Normalized parcel status, the same for every carrier.',
  }),
);

/** Exception sub-statuses. */
export const ExceptionSubStatus = Type.Enum(EXCEPTION_SUB_STATUSES);

/** Why a merchant intercepts a parcel. */
export const InterceptReason = sharedSchema(
  'InterceptReason',
  Type.Enum(INTERCEPT_REASONS, {
    description: 'Why the merchant stops the parcel.',
  }),
);

/** Who brought the parcel to the carrier; decides who pays for its return. */
export const PickupMode = sharedSchema(
  'PickupMode',
  Type.Enum(['platform_pickup', 'self_dropoff'] as const, {
    description:
      "platform_pickup: the platform's pickup service; self_dropoff: the merchant dropped it off.",
  }),
);

/** What the merchant should do next. */
export const NextAction = sharedSchema('NextAction', Type.Enum(NEXT_ACTIONS));

/** A policy reason or warning. */
export const PolicyReason = sharedSchema(
  'PolicyReason',
  Type.Object({
    code: Type.String({
      description: 'Stable code, e.g. out_for_delivery.',
      examples: ['out_for_delivery'],
    }),
    message: Type.String(),
  }),
);

/** Who pays for an intercept or redirect, and how much when known. */
export const Fee = sharedSchema(
  'Fee',
  Type.Object({
    payer: Type.Union([
      Type.Literal('carrier'),
      Type.Literal('merchant'),
      Type.Literal('platform'),
    ]),
    note: Type.String(),
    amount: Type.Optional(Money.ref),
    quoteRequired: Type.Optional(Type.Boolean()),
  }),
);

/** A carrier's price for an action, as it quoted it. */
export const FeeQuote = sharedSchema(
  'FeeQuote',
  Type.Object({
    amount: Money.ref,
    lines: Type.Optional(
      Type.Array(Type.Object({ label: Type.String(), amount: Money.ref }), {
        description: "The carrier's own breakdown, when it gives one.",
      }),
    ),
  }),
);

/** What the parcel holds, as far as intercept rules care. */
export const ParcelDetails = sharedSchema(
  'ParcelDetails',
  Type.Object(
    {
      declaredValue: Type.Optional(Money.ref),
      category: Type.Optional(
        Type.String({
          minLength: 1,
          maxLength: 64,
          description: 'Merchant category.',
          examples: ['apparel'],
        }),
      ),
    },
    closed,
  ),
);

/** A tracking number as carriers write them. */
export const TrackingNumber = Type.String({
  minLength: 4,
  maxLength: 40,
  pattern: '^[A-Za-z0-9-]+$',
});

/** The last four digits of a phone, for carriers that ask for them (SF Express). */
export const PhoneLastDigits = Type.String({
  pattern: '^[0-9]{4}$',
  description:
    "Last four digits of the sender's or recipient's phone, for carriers that show a route only with them (SF Express).",
  examples: ['5678'],
});

/** Carrier-specific extras, passed to the adapter untouched. */
export const CarrierOptions = sharedSchema(
  'CarrierOptions',
  Type.Unsafe<Record<string, string>>({
    type: 'object',
    propertyNames: { pattern: '^[A-Za-z][A-Za-z0-9_]{0,31}$' },
    additionalProperties: { type: 'string', minLength: 1, maxLength: 200 },
    maxProperties: 10,
    description:
      "Carrier-specific extras, e.g. Kuaidi100's `com` (the carrier behind the parcel). Only the keys the carrier declares for the operation are accepted (`requestOptions` in `GET /v1/carriers`); any other key, or a value failing the declared pattern or values, is a 400.",
    examples: [{ com: 'zhongtong' }],
  }),
);

/** A carrier id. */
export const CarrierId = Type.String({ minLength: 2, maxLength: 40, pattern: '^[a-z][a-z0-9-]*$' });

/** A merchant order reference. */
export const OrderRef = Type.String({ minLength: 1, maxLength: 64 });

/** A lifecycle transition. */
export const Transition = sharedSchema(
  'Transition',
  Type.Object({
    status: Type.String(),
    at: Type.String({ format: 'date-time' }),
    cause: Type.String({
      description:
        'request, policy, carrier_answer, carrier_unreachable, outcome_unknown, callback, tracking, reconciliation or merchant.',
    }),
    detail: Type.Union([Type.String(), Type.Null()]),
  }),
);

/** One call to the carrier. */
export const Attempt = sharedSchema(
  'Attempt',
  Type.Object({
    operation: Type.String(),
    at: Type.String({ format: 'date-time' }),
    durationMs: Type.Integer(),
    httpStatus: Type.Union([Type.Integer(), Type.Null()]),
    outcome: Type.String({ description: 'ok, a carrier error kind, or timeout.' }),
    carrierCode: Type.Union([Type.String(), Type.Null()]),
  }),
);

/** RFC 9457 problem details, with Parcelgate's extensions. */
export const Problem = sharedSchema(
  'Problem',
  Type.Object({
    type: Type.String({ examples: ['https://parcelgate.dev/problems/not-eligible'] }),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    instance: Type.String(),
    requestId: Type.String(),
    errors: Type.Optional(
      Type.Array(Type.Object({ pointer: Type.String(), detail: Type.String() }), {
        description: 'For validation problems: each bad field as a JSON pointer.',
      }),
    ),
    reasons: Type.Optional(Type.Array(PolicyReason.ref)),
    carrier: Type.Optional(Type.String()),
    capability: Type.Optional(Type.String()),
    availability: Type.Optional(
      Type.Object(
        {
          byApi: Type.Literal(false),
          reason: Type.String(),
          url: Type.Optional(Type.String()),
        },
        {
          description:
            "For `operation-not-supported`: the carrier's reason, and its page where the operation can be done by hand.",
        },
      ),
    ),
    interceptId: Type.Optional(Type.String()),
    redirectId: Type.Optional(Type.String()),
    orderEventId: Type.Optional(Type.String()),
    connectionId: Type.Optional(
      Type.String({ description: 'The carrier connection the problem is about.' }),
    ),
    openActions: Type.Optional(
      Type.Integer({
        minimum: 0,
        description: 'connection-in-use: open intercepts and redirects still using it.',
      }),
    ),
    carrierCode: Type.Optional(Type.String()),
    retryAfterSeconds: Type.Optional(Type.Integer()),
    violatedPolicies: Type.Optional(
      Type.Array(Type.String(), {
        description:
          'For `rate-limited`: the limits exceeded (`tenant`, `key` or `address`), as named in `RateLimit-Policy`.',
      }),
    ),
  }),
);

/** Every schema with an `$id`, registered with `addSchema` in this order. */
export const COMMON_SCHEMAS = [
  Money,
  ParcelStatus,
  InterceptReason,
  PickupMode,
  NextAction,
  PolicyReason,
  Fee,
  FeeQuote,
  ParcelDetails,
  CarrierOptions,
  Transition,
  Attempt,
  Problem,
];
