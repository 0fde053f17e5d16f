import { NORMALIZED_STATUSES } from '@parcelgate/carrier-kit';
import { type Static, Type } from 'typebox';
import { DEFAULT_POLICY } from '../policy/defaults.ts';
import { applyOverrides } from '../policy/resolve-policy.ts';
import { closed, Money } from './common.ts';
import { sharedSchema } from './shared-schema.ts';

const Status = Type.Enum(NORMALIZED_STATUSES);
const Window = (optional: boolean) => {
  const list = Type.Array(Status, { uniqueItems: true });
  return Type.Object(
    {
      highLikelihood: optional ? Type.Optional(list) : list,
      lowLikelihood: optional ? Type.Optional(list) : list,
    },
    closed,
  );
};
const Rates = Type.Record(Type.String({ pattern: '^[A-Z]{3}/[A-Z]{3}$' }), Type.String(), {
  description: 'Exchange rates as decimal strings, e.g. {"USD/CNY": "7.10"}.',
});

/** The sample overrides shown in the API reference: refuse a second, paid redirect. */
const sampleOverrides = { redirect: { whenFreeUsed: 'refuse' } } as const;

/** A tenant's overrides of the default policy; a given field replaces the default whole. */
export const PolicyOverrides = sharedSchema(
  'PolicyOverrides',
  Type.Object(
    {
      intercept: Type.Optional(
        Type.Object(
          {
            window: Type.Optional(Window(true)),
            excludedCategories: Type.Optional(
              Type.Array(Type.String({ minLength: 1, maxLength: 64 })),
            ),
            declaredValueLimits: Type.Optional(Type.Array(Money.ref)),
            exchangeRates: Type.Optional(Rates),
          },
          closed,
        ),
      ),
      redirect: Type.Optional(
        Type.Object(
          {
            window: Type.Optional(Window(true)),
            freePerOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 10 })),
            whenFreeUsed: Type.Optional(Type.Enum(['charge', 'refuse'] as const)),
          },
          closed,
        ),
      ),
    },
    {
      ...closed,
      description: "A tenant's overrides of the default policy.",
      examples: [sampleOverrides],
    },
  ),
);

/** The tenant's overrides and the rules they produce (before each carrier bounds them). */
export const Policy = sharedSchema(
  'Policy',
  Type.Object(
    {
      overrides: PolicyOverrides.ref,
      effective: Type.Object({
        intercept: Type.Object({
          window: Window(false),
          excludedCategories: Type.Array(Type.String()),
          declaredValueLimits: Type.Array(Money.ref),
          exchangeRates: Rates,
        }),
        redirect: Type.Object({
          window: Window(false),
          freePerOrder: Type.Integer(),
          whenFreeUsed: Type.Enum(['charge', 'refuse'] as const),
        }),
      }),
    },
    {
      description: "The tenant's overrides and the rules they produce.",
      // Made by the code that answers GET /v1/policy, so the example cannot drift from it.
      examples: [
        structuredClone({
          overrides: sampleOverrides,
          effective: applyOverrides(DEFAULT_POLICY, sampleOverrides),
        }),
      ],
    },
  ),
);

/** Every policy schema with an `$id`. */
export const POLICY_SCHEMAS = [PolicyOverrides, Policy];

/** The `GET /v1/policy` document. */
export type PolicyDocument = Static<typeof Policy.schema>;
