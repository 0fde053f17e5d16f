import { NORMALIZED_STATUSES } from '@parcelgate/carrier-kit';
import { type Static, type TSchema, Type } from 'typebox';
import { DEFAULT_POLICY } from '../policy/defaults.ts';
import { RULE_SEVERITIES } from '../policy/policy-types.ts';
import { describeTenantPolicy } from '../policy/resolve-policy.ts';
import { closed, Money } from './common.ts';
import { sharedSchema } from './shared-schema.ts';

const Status = Type.Enum(NORMALIZED_STATUSES);
const Source = Type.Enum(['default', 'carrier', 'tenant'] as const, {
  description:
    "Where the value came from: the deployment's defaults, the carrier's capabilities (they bound the tenant), or the tenant's overrides.",
});
const Rates = Type.Record(Type.String({ pattern: '^[A-Z]{3}/[A-Z]{3}$' }), Type.String(), {
  description: 'Exchange rates as decimal strings, e.g. {"USD/CNY": "7.10"}.',
});
const RatePair = Type.String({ pattern: '^[A-Z]{3}/[A-Z]{3}$' });

/**
 * A change of one inherited list: a plain list replaces it whole (the original meaning,
 * kept for compatibility); `{ add, remove }` edits it and keeps the rest.
 */
function listOverride<Entry extends TSchema, Key extends TSchema>(
  entry: Entry,
  key: Key,
  description: string,
) {
  return Type.Union(
    [
      Type.Array(entry, { description: 'Replaces the inherited list whole.' }),
      Type.Object(
        {
          add: Type.Optional(Type.Array(entry)),
          remove: Type.Optional(Type.Array(key)),
        },
        { ...closed, description: 'Edits the inherited list; what it does not name is kept.' },
      ),
    ],
    { description },
  );
}

const WindowOverride = Type.Object(
  {
    highLikelihood: Type.Optional(
      listOverride(Status, Status, 'Statuses with high odds: a list, or { add, remove }.'),
    ),
    lowLikelihood: Type.Optional(
      listOverride(Status, Status, 'Statuses with low odds: a list, or { add, remove }.'),
    ),
  },
  closed,
);

const Window = Type.Object({
  highLikelihood: Type.Array(Status),
  lowLikelihood: Type.Array(Status),
});

const ruleSeverity = (description: string) => Type.Enum(RULE_SEVERITIES, { description });

const InterceptSeverity = Type.Object(
  {
    statusWindow: ruleSeverity(
      "A status the carrier acts on but the tenant's window leaves out (default refuse).",
    ),
    lastMile: ruleSeverity(
      "A status in the window's low-likelihood part, last_mile_low_success (default warn).",
    ),
    alreadyIntercepted: Type.Enum(['refuse'] as const, {
      description: 'An intercept already under way: always refuse (one live intercept per parcel).',
    }),
    excludedCategories: ruleSeverity(
      "A category in the tenant's excludedCategories, category_excluded (default warn).",
    ),
    declaredValueLimits: ruleSeverity(
      "A declared value over the tenant's limit, declared_value_over_limit (default warn).",
    ),
  },
  {
    ...closed,
    description:
      'What each intercept rule does: refuse (a reason, not eligible) or warn (a warning that lowers the likelihood to low). What the carrier itself refuses always refuses.',
  },
);

const RedirectSeverity = Type.Object(
  {
    statusWindow: ruleSeverity(
      "A status the carrier acts on but the tenant's window leaves out (default refuse).",
    ),
    lastMile: ruleSeverity("A status in the window's low-likelihood part (default warn)."),
  },
  {
    ...closed,
    description:
      'What each redirect rule does: refuse or warn. whenFreeUsed is the free-redirect rule.',
  },
);

/** The sample overrides shown in the API reference. */
const sampleOverrides = {
  intercept: {
    excludedCategories: { add: ['electronics'], remove: ['tea'] },
    severity: { declaredValueLimits: 'refuse' },
  },
  redirect: { whenFreeUsed: 'refuse' },
} as const;

/**
 * A tenant's overrides of the default policy. Lists take `{ add, remove }` (an edit that
 * keeps the rest) or a plain list (a replacement).
 */
export const PolicyOverrides = sharedSchema(
  'PolicyOverrides',
  Type.Object(
    {
      intercept: Type.Optional(
        Type.Object(
          {
            window: Type.Optional(WindowOverride),
            excludedCategories: Type.Optional(
              listOverride(
                Type.String({ minLength: 1, maxLength: 64 }),
                Type.String({ minLength: 1, maxLength: 64 }),
                'Categories that lower the odds (compared without regard to case): a list, or { add, remove }.',
              ),
            ),
            declaredValueLimits: Type.Optional(
              listOverride(
                Money.ref,
                Type.String({ pattern: '^[A-Z]{3}$' }),
                "One limit per currency: a list, or { add, remove } where an added limit replaces its currency's and remove names currencies.",
              ),
            ),
            exchangeRates: Type.Optional(
              Type.Union(
                [
                  Rates,
                  Type.Object(
                    { add: Type.Optional(Rates), remove: Type.Optional(Type.Array(RatePair)) },
                    closed,
                  ),
                ],
                { description: 'A table (replaces the inherited one), or { add, remove }.' },
              ),
            ),
            severity: Type.Optional(Type.Partial(InterceptSeverity)),
          },
          closed,
        ),
      ),
      redirect: Type.Optional(
        Type.Object(
          {
            window: Type.Optional(WindowOverride),
            freePerOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 10 })),
            whenFreeUsed: Type.Optional(Type.Enum(['charge', 'refuse'] as const)),
            severity: Type.Optional(Type.Partial(RedirectSeverity)),
          },
          closed,
        ),
      ),
    },
    {
      ...closed,
      description:
        "A tenant's overrides of the default policy. A list given as { add, remove } edits the inherited list; a plain list replaces it whole.",
      examples: [sampleOverrides],
    },
  ),
);

const InterceptRules = Type.Object({
  window: Window,
  excludedCategories: Type.Array(Type.String()),
  declaredValueLimits: Type.Array(Money.ref),
  exchangeRates: Rates,
  severity: InterceptSeverity,
});

const RedirectRules = Type.Object({
  window: Window,
  freePerOrder: Type.Integer(),
  whenFreeUsed: Type.Enum(['charge', 'refuse'] as const),
  severity: RedirectSeverity,
});

const SourcesByKey = (description: string) => Type.Record(Type.String(), Source, { description });

const InterceptSources = Type.Object({
  window: SourcesByKey('By status.'),
  excludedCategories: SourcesByKey('By category, as written.'),
  declaredValueLimits: SourcesByKey('By currency.'),
  exchangeRates: SourcesByKey('By currency pair.'),
  severity: Type.Object({
    statusWindow: Source,
    lastMile: Source,
    alreadyIntercepted: Source,
    excludedCategories: Source,
    declaredValueLimits: Source,
  }),
});

const RedirectSources = Type.Object({
  window: SourcesByKey('By status.'),
  freePerOrder: Source,
  whenFreeUsed: Source,
  severity: Type.Object({ statusWindow: Source, lastMile: Source }),
});

/** The sample overrides applied, as `GET /v1/policy` would answer them. */
const sample = describeTenantPolicy(DEFAULT_POLICY, sampleOverrides);

/** The policy `GET /v1/policy` answers, and `PUT /v1/policy` after storing the overrides. */
export const Policy = sharedSchema(
  'Policy',
  Type.Object(
    {
      overrides: PolicyOverrides.ref,
      effective: Type.Object(
        { intercept: InterceptRules, redirect: RedirectRules },
        { description: "The defaults with the tenant's overrides on top." },
      ),
      sources: Type.Object(
        { intercept: InterceptSources, redirect: RedirectSources },
        { description: 'Where each value of effective came from.' },
      ),
      atCarrier: Type.Optional(
        Type.Object(
          {
            carrier: Type.String(),
            effective: Type.Object({
              intercept: Type.Optional(InterceptRules),
              redirect: Type.Optional(RedirectRules),
            }),
            sources: Type.Object({
              intercept: Type.Optional(InterceptSources),
              redirect: Type.Optional(RedirectSources),
            }),
          },
          {
            description:
              'Only with ?carrier=: the rules at that carrier, which bounds the tenant (its window, excluded categories, value limits and free redirects); an operation the carrier lacks is absent. A value whose source is carrier always refuses, whatever the severity.',
          },
        ),
      ),
    },
    {
      description: "The tenant's overrides, the rules they produce and where each value came from.",
      // Made by the code that answers GET /v1/policy, so the example cannot drift from it.
      examples: [
        structuredClone({
          overrides: sampleOverrides,
          effective: sample.policy,
          sources: sample.sources,
        }),
      ],
    },
  ),
);

/** Every policy schema with an `$id`. */
export const POLICY_SCHEMAS = [PolicyOverrides, Policy];

/** The `GET /v1/policy` document. */
export type PolicyDocument = Static<typeof Policy.schema>;

/** The body of `PUT /v1/policy`. */
export type PolicyOverridesBody = Static<typeof PolicyOverrides.schema>;
