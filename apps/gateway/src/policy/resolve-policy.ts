import type { CarrierCapabilities, Money } from '@parcelgate/carrier-kit';
import {
  boundSourcedWindow,
  boundWindow,
  domainWindow,
  fromCarrier,
  strictestLimits,
  unionCategories,
} from './carrier-bounds.ts';
import {
  CATEGORY_KEYS,
  fromDefaults,
  LIMIT_KEYS,
  mergeList,
  mergeRates,
  mergeWindow,
  plainWindow,
  type SourcedEntry,
  type SourcedWindow,
  sourcesOf,
  valuesOf,
  windowSources,
} from './merge-overrides.ts';
import type { InterceptSources, PolicySources, RedirectSources } from './policy-sources.ts';
import type {
  EffectivePolicy,
  InterceptPolicy,
  PolicySource,
  RedirectPolicy,
  TenantPolicy,
  TenantPolicyOverrides,
} from './policy-types.ts';

/** A policy and where each of its values came from. */
export interface DescribedPolicy<Policy, Sources> {
  readonly policy: Policy;
  readonly sources: Sources;
}

/** A tenant's policy at one carrier, for `GET /v1/policy?carrier=`; an absent operation is one the carrier lacks. */
export interface DescribedCarrierPolicy {
  readonly intercept?: DescribedPolicy<InterceptPolicy, InterceptSources>;
  readonly redirect?: DescribedPolicy<RedirectPolicy, RedirectSources>;
}

/** The tenant's intercept rules with the source of every value. */
interface SourcedIntercept {
  readonly window: SourcedWindow;
  readonly excludedCategories: readonly SourcedEntry<string>[];
  readonly declaredValueLimits: readonly SourcedEntry<Money>[];
  readonly exchangeRates: readonly SourcedEntry<string>[];
  readonly severity: DescribedPolicy<InterceptPolicy['severity'], InterceptSources['severity']>;
}

/** The tenant's redirect rules with the source of every value. */
interface SourcedRedirect {
  readonly window: SourcedWindow;
  readonly freePerOrder: SourcedEntry<number>;
  readonly whenFreeUsed: SourcedEntry<RedirectPolicy['whenFreeUsed']>;
  readonly severity: DescribedPolicy<RedirectPolicy['severity'], RedirectSources['severity']>;
}

/**
 * The tenant's policy: the deployment's defaults with the tenant's overrides on top. A
 * plain list replaces the default list whole; `{ add, remove }` edits it.
 */
export function applyOverrides(
  defaults: TenantPolicy,
  overrides: TenantPolicyOverrides | undefined,
): TenantPolicy {
  return describeTenantPolicy(defaults, overrides).policy;
}

/** {@link applyOverrides}, with where each value came from (`default` or `tenant`). */
export function describeTenantPolicy(
  defaults: TenantPolicy,
  overrides: TenantPolicyOverrides | undefined,
): DescribedPolicy<TenantPolicy, PolicySources> {
  const intercept = describeIntercept(sourcedIntercept(defaults, overrides));
  const redirect = describeRedirect(sourcedRedirect(defaults, overrides));
  return {
    policy: { intercept: intercept.policy, redirect: redirect.policy },
    sources: { intercept: intercept.sources, redirect: redirect.sources },
  };
}

/**
 * One tenant's rules at one carrier, as the evaluations use them. The carrier bounds the
 * tenant, who can only be stricter: the window holds the statuses both accept, low where
 * either says low; what the carrier itself refuses (outside its window, its excluded
 * categories, over its value limits) stays beside the tenant's rules and always refuses.
 * An operation the carrier lacks is `undefined`.
 */
export function resolveEffectivePolicy(
  defaults: TenantPolicy,
  overrides: TenantPolicyOverrides | undefined,
  capabilities: CarrierCapabilities,
): EffectivePolicy {
  const tenant = applyOverrides(defaults, overrides);
  const { intercept, redirect } = capabilities;
  return {
    intercept:
      intercept === undefined
        ? undefined
        : {
            ...tenant.intercept,
            window: boundWindow(tenant.intercept.window, intercept.window),
            carrier: {
              window: domainWindow(intercept.window),
              excludedCategories: intercept.excludedCategories,
              declaredValueLimits: intercept.declaredValueLimits,
            },
          },
    redirect:
      redirect === undefined
        ? undefined
        : {
            ...tenant.redirect,
            window: boundWindow(tenant.redirect.window, redirect.window),
            freePerOrder: Math.min(tenant.redirect.freePerOrder, redirect.freePerOrder),
            carrierWindow: domainWindow(redirect.window),
          },
  };
}

/**
 * The tenant's policy at one carrier as `GET /v1/policy?carrier=` shows it: the window
 * both accept, the union of excluded categories, the lowest limit per currency and the
 * fewer free redirects, each value with its source (`carrier` where the carrier's value
 * is the one that holds).
 */
export function describeCarrierPolicy(
  defaults: TenantPolicy,
  overrides: TenantPolicyOverrides | undefined,
  capabilities: CarrierCapabilities,
): DescribedCarrierPolicy {
  const { intercept, redirect } = capabilities;
  const tenantIntercept = sourcedIntercept(defaults, overrides);
  const tenantRedirect = sourcedRedirect(defaults, overrides);
  return {
    ...(intercept === undefined
      ? {}
      : {
          intercept: describeIntercept({
            ...tenantIntercept,
            window: boundSourcedWindow(tenantIntercept.window, intercept.window),
            excludedCategories: unionCategories(
              tenantIntercept.excludedCategories,
              intercept.excludedCategories,
            ),
            declaredValueLimits: strictestLimits([
              ...tenantIntercept.declaredValueLimits,
              ...fromCarrier(intercept.declaredValueLimits, LIMIT_KEYS.keyOf),
            ]),
          }),
        }),
    ...(redirect === undefined
      ? {}
      : {
          redirect: describeRedirect({
            ...tenantRedirect,
            window: boundSourcedWindow(tenantRedirect.window, redirect.window),
            freePerOrder:
              redirect.freePerOrder < tenantRedirect.freePerOrder.value
                ? { key: 'freePerOrder', value: redirect.freePerOrder, source: 'carrier' }
                : tenantRedirect.freePerOrder,
          }),
        }),
  };
}

function sourcedIntercept(
  defaults: TenantPolicy,
  overrides: TenantPolicyOverrides | undefined,
): SourcedIntercept {
  const base = defaults.intercept;
  const own = overrides?.intercept;
  return {
    window: mergeWindow(base.window, own?.window),
    excludedCategories: mergeList(
      fromDefaults(base.excludedCategories, CATEGORY_KEYS.keyOf),
      own?.excludedCategories,
      CATEGORY_KEYS,
    ),
    declaredValueLimits: mergeList(
      fromDefaults(base.declaredValueLimits, LIMIT_KEYS.keyOf),
      own?.declaredValueLimits,
      LIMIT_KEYS,
    ),
    exchangeRates: mergeRates(
      Object.entries(base.exchangeRates).map(([key, value]) => ({
        key,
        value,
        source: 'default',
      })),
      own?.exchangeRates,
    ),
    severity: mergeSettings(base.severity, own?.severity),
  };
}

function sourcedRedirect(
  defaults: TenantPolicy,
  overrides: TenantPolicyOverrides | undefined,
): SourcedRedirect {
  const base = defaults.redirect;
  const own = overrides?.redirect;
  const setting = <Value>(key: string, fallback: Value, value: Value | undefined) =>
    value === undefined
      ? { key, value: fallback, source: 'default' as const }
      : { key, value, source: 'tenant' as const };
  return {
    window: mergeWindow(base.window, own?.window),
    freePerOrder: setting('freePerOrder', base.freePerOrder, own?.freePerOrder),
    whenFreeUsed: setting('whenFreeUsed', base.whenFreeUsed, own?.whenFreeUsed),
    severity: mergeSettings(base.severity, own?.severity),
  };
}

function describeIntercept(
  sourced: SourcedIntercept,
): DescribedPolicy<InterceptPolicy, InterceptSources> {
  return {
    policy: {
      window: plainWindow(sourced.window),
      excludedCategories: valuesOf(sourced.excludedCategories),
      declaredValueLimits: valuesOf(sourced.declaredValueLimits),
      exchangeRates: Object.fromEntries(
        sourced.exchangeRates.map((entry) => [entry.key, entry.value]),
      ),
      severity: sourced.severity.policy,
    },
    sources: {
      window: windowSources(sourced.window),
      excludedCategories: sourcesOf(sourced.excludedCategories),
      declaredValueLimits: sourcesOf(sourced.declaredValueLimits),
      exchangeRates: sourcesOf(sourced.exchangeRates),
      severity: sourced.severity.sources,
    },
  };
}

function describeRedirect(
  sourced: SourcedRedirect,
): DescribedPolicy<RedirectPolicy, RedirectSources> {
  return {
    policy: {
      window: plainWindow(sourced.window),
      freePerOrder: sourced.freePerOrder.value,
      whenFreeUsed: sourced.whenFreeUsed.value,
      severity: sourced.severity.policy,
    },
    sources: {
      window: windowSources(sourced.window),
      freePerOrder: sourced.freePerOrder.source,
      whenFreeUsed: sourced.whenFreeUsed.source,
      severity: sourced.severity.sources,
    },
  };
}

/** Named settings: the tenant's where given, else the default's. */
function mergeSettings<Settings extends object>(
  defaults: Settings,
  own: Partial<Settings> | undefined,
): DescribedPolicy<Settings, Record<keyof Settings, PolicySource>> {
  const policy = { ...defaults };
  const sources = {} as Record<keyof Settings, PolicySource>;
  for (const key of Object.keys(defaults) as (keyof Settings)[]) {
    const value = own?.[key];
    if (value !== undefined) {
      policy[key] = value;
    }
    sources[key] = value === undefined ? 'default' : 'tenant';
  }
  return { policy, sources };
}
