import type { Money, NormalizedStatus } from '@parcelgate/carrier-kit';
import type { NextAction, PolicyReason, PolicyReasonCode, PolicyWarningCode } from './codes.ts';

/**
 * The statuses in which an operation is attempted, split by how likely it is to succeed.
 * A status listed in both is treated as low (the cautious reading).
 */
export interface PolicyWindow {
  readonly highLikelihood: readonly NormalizedStatus[];
  readonly lowLikelihood: readonly NormalizedStatus[];
}

/**
 * What a rule does when it applies: `refuse` reports a reason (not eligible), `warn` a
 * warning that lowers the likelihood to `low`.
 */
export const RULE_SEVERITIES = ['refuse', 'warn'] as const;

/** One of {@link RULE_SEVERITIES}. */
export type RuleSeverity = (typeof RULE_SEVERITIES)[number];

/**
 * The severity of each intercept rule (docs/domain.md, "The rules the gateway applies").
 * What a carrier itself refuses (a status outside its window, its excluded categories,
 * its value limits) always refuses, whatever the tenant chose.
 */
export interface InterceptSeverities {
  /** A status the carrier acts on but the tenant's window leaves out. */
  readonly statusWindow: RuleSeverity;
  /** A status in the window's low-likelihood part (`last_mile_low_success`). */
  readonly lastMile: RuleSeverity;
  /**
   * An intercept already under way: always `refuse`, because a parcel has one live
   * intercept at a time (cancel the first to start another).
   */
  readonly alreadyIntercepted: 'refuse';
  /** A category in the tenant's `excludedCategories` (`category_excluded`). */
  readonly excludedCategories: RuleSeverity;
  /** A declared value over the tenant's limit (`declared_value_over_limit`). */
  readonly declaredValueLimits: RuleSeverity;
}

/** The severity of each redirect rule; `whenFreeUsed` is the free-redirect rule's. */
export interface RedirectSeverities {
  readonly statusWindow: RuleSeverity;
  readonly lastMile: RuleSeverity;
}

/** The intercept rules a deployment sets and a tenant may override. */
export interface InterceptPolicy {
  readonly window: PolicyWindow;
  /** Merchant categories that lower the odds (compared case-insensitively). */
  readonly excludedCategories: readonly string[];
  /** At most one limit per currency; a parcel above its limit lowers the odds. */
  readonly declaredValueLimits: readonly Money[];
  /**
   * `"FROM/TO": "rate"` decimal strings, meaning 1 FROM = rate TO (e.g. `"USD/CNY": "7.10"`).
   * Used only to judge a parcel in a currency that has no limit of its own.
   */
  readonly exchangeRates: Readonly<Record<string, string>>;
  readonly severity: InterceptSeverities;
}

/** The redirect rules a deployment sets and a tenant may override. */
export interface RedirectPolicy {
  readonly window: PolicyWindow;
  /** Redirects per order the platform pays for (domain: one). */
  readonly freePerOrder: number;
  /** Once the free redirects are used: charge the merchant, or refuse the redirect. */
  readonly whenFreeUsed: 'charge' | 'refuse';
  readonly severity: RedirectSeverities;
}

/** Every rule a tenant may override; the deployment's defaults fill what it leaves out. */
export interface TenantPolicy {
  readonly intercept: InterceptPolicy;
  readonly redirect: RedirectPolicy;
}

/**
 * How a tenant changes one inherited list: a plain list replaces it whole (the original
 * meaning of `PUT /v1/policy`), `add` and `remove` edit it and keep the rest.
 */
export type ListOverride<Entry, Key = Entry> =
  | readonly Entry[]
  | { readonly add?: readonly Entry[]; readonly remove?: readonly Key[] };

/**
 * How a tenant changes the exchange rate table: a plain table replaces it whole, `add`
 * sets rates (replacing a pair's rate) and `remove` drops pairs.
 */
export type RatesOverride =
  | Readonly<Record<string, string>>
  | {
      readonly add?: Readonly<Record<string, string>>;
      readonly remove?: readonly string[];
    };

/** A tenant's window changes, each side edited or replaced on its own. */
export interface WindowOverride {
  readonly highLikelihood?: ListOverride<NormalizedStatus>;
  readonly lowLikelihood?: ListOverride<NormalizedStatus>;
}

/**
 * A tenant's overrides, as stored and as `PUT /v1/policy` takes them: every field
 * optional, written out rather than derived so the stored shape is reviewable. Lists are
 * edited with `{ add, remove }` or replaced by a plain list; value limits are removed by
 * currency, and an added limit replaces the inherited one of its currency.
 */
export interface TenantPolicyOverrides {
  readonly intercept?: {
    readonly window?: WindowOverride;
    readonly excludedCategories?: ListOverride<string>;
    readonly declaredValueLimits?: ListOverride<Money, string>;
    readonly exchangeRates?: RatesOverride;
    readonly severity?: Partial<InterceptSeverities>;
  };
  readonly redirect?: {
    readonly window?: WindowOverride;
    readonly freePerOrder?: number;
    readonly whenFreeUsed?: 'charge' | 'refuse';
    readonly severity?: Partial<RedirectSeverities>;
  };
}

/** Where a value of the effective policy came from. */
export type PolicySource = 'default' | 'carrier' | 'tenant';

/**
 * What a carrier itself refuses, from its declared capabilities: the bounds a tenant's
 * policy can narrow but never loosen. Anything outside them is refused whatever the
 * tenant's severities say.
 */
export interface CarrierInterceptBounds {
  /** The statuses the carrier acts on, without those the domain never allows. */
  readonly window: PolicyWindow;
  readonly excludedCategories: readonly string[];
  readonly declaredValueLimits: readonly Money[];
}

/**
 * The intercept rules for one tenant at one carrier: the tenant's rules with the window
 * bounded by the carrier's (a status both accept, low where either says low), and the
 * carrier's own refusals beside them.
 */
export interface EffectiveInterceptPolicy extends InterceptPolicy {
  readonly carrier: CarrierInterceptBounds;
}

/** The redirect rules for one tenant at one carrier, bounded by the carrier's capabilities. */
export interface EffectiveRedirectPolicy extends RedirectPolicy {
  /** The statuses the carrier redirects in, without those the domain never allows. */
  readonly carrierWindow: PolicyWindow;
}

/** One tenant's rules at one carrier; `undefined` where the carrier lacks the operation. */
export interface EffectivePolicy {
  readonly intercept: EffectiveInterceptPolicy | undefined;
  readonly redirect: EffectiveRedirectPolicy | undefined;
}

/** Who decides who pays an intercept (docs/domain.md, "The rules the gateway applies"). */
export type PickupMode = 'platform_pickup' | 'self_dropoff';

/** Who would pay for the operation, and what is known of the amount. */
export interface FeeAssessment {
  readonly payer: 'carrier' | 'merchant' | 'platform';
  readonly note: string;
  /** A known fixed amount (flat fee policy). */
  readonly amount?: Money;
  /** True when the carrier quotes the amount per parcel, so only its answer can tell. */
  readonly quoteRequired?: boolean;
}

/** How likely the operation is to succeed; `none` whenever it is not eligible. */
export type Likelihood = 'high' | 'low' | 'none';

/** The answer of an eligibility evaluation, shaped like the API's eligibility response. */
export interface PolicyEvaluation {
  readonly eligible: boolean;
  readonly likelihood: Likelihood;
  /** Every reason that blocks the operation, not only the first. */
  readonly reasons: PolicyReason<PolicyReasonCode>[];
  readonly warnings: PolicyReason<PolicyWarningCode>[];
  readonly fee: FeeAssessment;
  readonly nextActions: NextAction[];
}
