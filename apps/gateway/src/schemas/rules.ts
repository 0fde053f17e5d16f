import { Type } from 'typebox';
import { ORDER_EVENT_TYPES, RULE_ACTIONS, STATUS_WINDOWS } from '../policy/order-rules.ts';
import { CarrierId, closed, ParcelStatus, PickupMode } from './common.ts';
import { sharedSchema } from './shared-schema.ts';

const Decimal = Type.String({
  pattern: '^(?:0|[1-9][0-9]{0,14})(?:\\.[0-9]{1,4})?$',
  description: 'Decimal string.',
});
const Tag = Type.String({ minLength: 1, maxLength: 64 });
const Category = Type.String({ minLength: 1, maxLength: 64 });

/** An order event type. */
export const OrderEventType = sharedSchema(
  'OrderEventType',
  Type.Enum(ORDER_EVENT_TYPES, { description: 'What the marketplace reports about an order.' }),
);

/** When a rule applies: every condition given must hold. */
export const RuleConditions = sharedSchema(
  'RuleConditions',
  Type.Object(
    {
      eventTypes: Type.Array(OrderEventType.ref, { minItems: 1, maxItems: 5, uniqueItems: true }),
      carriers: Type.Optional(Type.Array(CarrierId, { minItems: 1, maxItems: 50 })),
      parcelStatus: Type.Optional(
        Type.Object(
          {
            window: Type.Optional(
              Type.Enum(STATUS_WINDOWS, {
                description:
                  "The tenant's effective window of this operation at the parcel's carrier (`GET /v1/policy`).",
              }),
            ),
            in: Type.Optional(Type.Array(ParcelStatus.ref, { minItems: 1, maxItems: 20 })),
          },
          { ...closed, minProperties: 1 },
        ),
      ),
      declaredValue: Type.Optional(
        Type.Object(
          {
            currency: Type.String({ pattern: '^[A-Z]{3}$' }),
            atMost: Type.Optional(Decimal),
            atLeast: Type.Optional(Decimal),
          },
          {
            ...closed,
            minProperties: 2,
            description: 'Holds only for a parcel declared in this currency, within the bounds.',
          },
        ),
      ),
      categories: Type.Optional(
        Type.Object(
          {
            in: Type.Optional(Type.Array(Category, { minItems: 1, maxItems: 50 })),
            notIn: Type.Optional(Type.Array(Category, { minItems: 1, maxItems: 50 })),
          },
          { ...closed, minProperties: 1 },
        ),
      ),
      orderTags: Type.Optional(
        Type.Object(
          {
            any: Type.Optional(Type.Array(Tag, { minItems: 1, maxItems: 50 })),
            none: Type.Optional(Type.Array(Tag, { minItems: 1, maxItems: 50 })),
          },
          { ...closed, minProperties: 1 },
        ),
      ),
      pickupModes: Type.Optional(Type.Array(PickupMode.ref, { minItems: 1, maxItems: 2 })),
    },
    closed,
  ),
);

const RuleAction = Type.Enum(RULE_ACTIONS, {
  description:
    '`intercept` the parcel, `redirect` it to the event’s new address while the order’s free redirect is unused, or `notify` only (record and announce the event).',
});

/** The body that creates or replaces a rule. */
export const RuleRequest = sharedSchema(
  'RuleRequest',
  Type.Object(
    {
      name: Type.String({ minLength: 1, maxLength: 200 }),
      enabled: Type.Optional(Type.Boolean({ default: true })),
      position: Type.Optional(
        Type.Integer({
          minimum: 0,
          maximum: 10_000,
          description: 'Rules are tried in ascending position; by default a new rule goes last.',
        }),
      ),
      when: RuleConditions.ref,
      do: RuleAction,
    },
    {
      ...closed,
      examples: [
        {
          name: 'Intercept cheap parcels on refund',
          when: {
            eventTypes: ['refund_requested'],
            parcelStatus: { window: 'intercept' },
            declaredValue: { currency: 'CNY', atMost: '1000.00' },
          },
          do: 'intercept',
        },
      ],
    },
  ),
);

const sampleRule = {
  id: 'rul_01JD3K9V7Q8M2N4P6R8T0V2X4Z',
  name: 'Intercept cheap parcels on refund',
  enabled: true,
  position: 0,
  when: {
    eventTypes: ['refund_requested'],
    parcelStatus: { window: 'intercept' },
    declaredValue: { currency: 'CNY', atMost: '1000.00' },
  },
  do: 'intercept',
  createdAt: '2026-03-02T10:00:00.000Z',
  updatedAt: '2026-03-02T10:00:00.000Z',
};

/** A rule as stored. */
export const Rule = sharedSchema(
  'Rule',
  Type.Object(
    {
      id: Type.String({ description: '`rul_…`, or `default:…` for a rule of the default set.' }),
      name: Type.String(),
      enabled: Type.Boolean(),
      position: Type.Integer(),
      when: RuleConditions.ref,
      do: RuleAction,
      createdAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
      updatedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    },
    { examples: [sampleRule] },
  ),
);

/** The tenant's rules in the order they are tried. */
export const RuleList = sharedSchema(
  'RuleList',
  Type.Object(
    {
      data: Type.Array(Rule.ref),
      source: Type.Enum(['tenant', 'default'] as const, {
        description: '`default` when the tenant has no rule of its own: the default set applies.',
      }),
    },
    { examples: [{ data: [sampleRule], source: 'tenant' }] },
  ),
);

/** Every rule schema with an `$id`. */
export const RULE_SCHEMAS = [OrderEventType, RuleConditions, RuleRequest, Rule, RuleList];
