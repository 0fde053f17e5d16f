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

/** The intercept rules a deployment sets and a tenant may override. */
export interface InterceptPolicy {
  readonly window: PolicyWindow;
  /** Merchant categories that are never intercepted (compared case-insensitively). */
  readonly excludedCategories: readonly string[];
  /** At most one limit per currency; a parcel above its limit is refused. */
  readonly declaredValueLimits: readonly Money[];
  /**
   * `"FROM/TO": "rate"` decimal strings, meaning 1 FROM = rate TO (e.g. `"USD/CNY": "7.10"`).
   * Used only to judge a parcel in a currency that has no limit of its own.
   */
  readonly exchangeRates: Readonly<Record<string, string>>;
}

/** The redirect rules a deployment sets and a tenant may override. */
export interface RedirectPolicy {
  readonly window: PolicyWindow;
  /** Redirects per order the platform pays for (domain: one). */
  readonly freePerOrder: number;
  /** Once the free redirects are used: charge the merchant, or refuse the redirect. */
  readonly whenFreeUsed: 'charge' | 'refuse';
}

/** Every rule a tenant may override; the deployment's defaults fill what it leaves out. */
export interface TenantPolicy {
  readonly intercept: InterceptPolicy;
  readonly redirect: RedirectPolicy;
}

/**
 * A tenant's overrides: {@link TenantPolicy} with every field optional, written out rather
 * than derived so the stored shape is reviewable. A given field replaces the default
 * whole: arrays and the rate table are not merged, so a tenant can also remove entries.
 */
export interface TenantPolicyOverrides {
  readonly intercept?: {
    readonly window?: Partial<PolicyWindow>;
    readonly excludedCategories?: readonly string[];
    readonly declaredValueLimits?: readonly Money[];
    readonly exchangeRates?: Readonly<Record<string, string>>;
  };
  readonly redirect?: {
    readonly window?: Partial<PolicyWindow>;
    readonly freePerOrder?: number;
    readonly whenFreeUsed?: 'charge' | 'refuse';
  };
}

/** The intercept rules for one tenant at one carrier, bounded by the carrier's capabilities. */
export type EffectiveInterceptPolicy = InterceptPolicy;

/** The redirect rules for one tenant at one carrier, bounded by the carrier's capabilities. */
export type EffectiveRedirectPolicy = RedirectPolicy;

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
