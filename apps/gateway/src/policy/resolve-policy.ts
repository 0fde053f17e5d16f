import {
  type CarrierCapabilities,
  compareMoney,
  type Money,
  NORMALIZED_STATUSES,
  type NormalizedStatus,
  type OperationWindow,
} from '@parcelgate/carrier-kit';
import {
  fromDefaults,
  type ListKeys,
  mergeList,
  mergeRates,
  type SourcedEntry,
  sourcesOf,
  valuesOf,
} from './merge-overrides.ts';
import type { InterceptSources, PolicySources, RedirectSources } from './policy-sources.ts';
import type {
  EffectivePolicy,
  InterceptPolicy,
  PolicySource,
  PolicyWindow,
  RedirectPolicy,
  TenantPolicy,
  TenantPolicyOverrides,
  WindowOverride,
} from './policy-types.ts';
import { NEVER_IN_WINDOW, placeInWindow } from './status-window.ts';

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

/** Statuses are compared as written. */
const STATUS_KEYS: ListKeys<NormalizedStatus, NormalizedStatus> = {
  keyOf: (status) => status,
  removeKey: (status) => status,
};

/** Categories are compared without regard to case or surrounding blanks. */
const CATEGORY_KEYS: ListKeys<string, string> = {
  keyOf: (category) => category,
  removeKey: (category) => category,
  normalize: (category) => category.trim().toLowerCase(),
};

/** A value limit is identified by its currency: one limit per currency. */
const LIMIT_KEYS: ListKeys<Money, string> = {
  keyOf: (limit) => limit.currency,
  removeKey: (currency) => currency,
};

/** A window whose statuses carry their source. */
interface SourcedWindow {
  readonly highLikelihood: readonly SourcedEntry<NormalizedStatus>[];
  readonly lowLikelihood: readonly SourcedEntry<NormalizedStatus>[];
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

function mergeWindow(window: PolicyWindow, override: WindowOverride | undefined): SourcedWindow {
  return {
    highLikelihood: mergeList(
      fromDefaults(window.highLikelihood, STATUS_KEYS.keyOf),
      override?.highLikelihood,
      STATUS_KEYS,
    ),
    lowLikelihood: mergeList(
      fromDefaults(window.lowLikelihood, STATUS_KEYS.keyOf),
      override?.lowLikelihood,
      STATUS_KEYS,
    ),
  };
}

function plainWindow(window: SourcedWindow): PolicyWindow {
  return {
    highLikelihood: valuesOf(window.highLikelihood),
    lowLikelihood: valuesOf(window.lowLikelihood),
  };
}

/** A status in both parts is placed low (the cautious reading), so its low source holds. */
function windowSources(window: SourcedWindow): Record<string, PolicySource> {
  return { ...sourcesOf(window.highLikelihood), ...sourcesOf(window.lowLikelihood) };
}

function fromCarrier<Entry>(
  entries: readonly Entry[],
  keyOf: (entry: Entry) => string,
): SourcedEntry<Entry>[] {
  return entries.map((value) => ({ key: keyOf(value), value, source: 'carrier' }));
}

/** The statuses a carrier acts on, without those the domain never allows. */
function domainWindow(carrier: OperationWindow): PolicyWindow {
  const inDomain = (status: NormalizedStatus) => !NEVER_IN_WINDOW.has(status);
  return {
    highLikelihood: carrier.highLikelihood.filter(inDomain),
    lowLikelihood: carrier.lowLikelihood.filter(inDomain),
  };
}

/**
 * Statuses in both windows, in taxonomy order; the domain's never-eligible statuses are
 * dropped even if a carrier or tenant lists them.
 */
function boundWindow(tenant: PolicyWindow, carrier: OperationWindow): PolicyWindow {
  const sourced = boundSourcedWindow(
    {
      highLikelihood: fromDefaults(tenant.highLikelihood, STATUS_KEYS.keyOf),
      lowLikelihood: fromDefaults(tenant.lowLikelihood, STATUS_KEYS.keyOf),
    },
    carrier,
  );
  return plainWindow(sourced);
}

/** {@link boundWindow} keeping sources: a status the carrier lowers from high is the carrier's. */
function boundSourcedWindow(tenant: SourcedWindow, carrier: OperationWindow): SourcedWindow {
  const plain = plainWindow(tenant);
  const sources = windowSources(tenant);
  const highLikelihood: SourcedEntry<NormalizedStatus>[] = [];
  const lowLikelihood: SourcedEntry<NormalizedStatus>[] = [];
  for (const status of NORMALIZED_STATUSES) {
    const byTenant = placeInWindow(status, plain);
    const byCarrier = placeInWindow(status, carrier);
    if (NEVER_IN_WINDOW.has(status) || byTenant === 'outside' || byCarrier === 'outside') {
      continue;
    }
    const source = sources[status] ?? 'default';
    if (byTenant === 'high' && byCarrier === 'high') {
      highLikelihood.push({ key: status, value: status, source });
    } else {
      const lowered = byTenant === 'high';
      lowLikelihood.push({ key: status, value: status, source: lowered ? 'carrier' : source });
    }
  }
  return { highLikelihood, lowLikelihood };
}

/** The tenant's categories and the carrier's; one the carrier excludes too is the carrier's. */
function unionCategories(
  tenant: readonly SourcedEntry<string>[],
  carrier: readonly string[],
): SourcedEntry<string>[] {
  const normalize = CATEGORY_KEYS.normalize ?? ((key: string) => key);
  const byCarrier = new Set(carrier.map(normalize));
  const merged = tenant.map((entry) =>
    byCarrier.has(normalize(entry.key)) ? { ...entry, source: 'carrier' as const } : entry,
  );
  const known = new Set(tenant.map((entry) => normalize(entry.key)));
  return [
    ...merged,
    ...fromCarrier(
      carrier.filter((category) => !known.has(normalize(category))),
      CATEGORY_KEYS.keyOf,
    ),
  ];
}

/**
 * The lowest limit per currency, in the order currencies first appear; at a tie the
 * carrier's holds, because the carrier's own limit always refuses.
 */
function strictestLimits(limits: readonly SourcedEntry<Money>[]): SourcedEntry<Money>[] {
  const byCurrency = new Map<string, SourcedEntry<Money>>();
  for (const limit of limits) {
    const current = byCurrency.get(limit.key);
    const order = current === undefined ? -1 : compareMoney(limit.value, current.value);
    if (order < 0 || (order === 0 && limit.source === 'carrier')) {
      byCurrency.set(limit.key, limit);
    }
  }
  return [...byCurrency.values()];
}
