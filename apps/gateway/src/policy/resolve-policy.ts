import {
  type CarrierCapabilities,
  compareMoney,
  type Money,
  NORMALIZED_STATUSES,
  type NormalizedStatus,
  type OperationWindow,
} from '@parcelgate/carrier-kit';
import type {
  EffectivePolicy,
  PolicyWindow,
  TenantPolicy,
  TenantPolicyOverrides,
} from './policy-types.ts';
import { NEVER_IN_WINDOW, placeInWindow } from './status-window.ts';

/**
 * The tenant's policy: the deployment's defaults with the tenant's overrides on top. A
 * given field replaces the default whole (arrays and the rate table are not merged).
 */
export function applyOverrides(
  defaults: TenantPolicy,
  overrides: TenantPolicyOverrides | undefined,
): TenantPolicy {
  const intercept = overrides?.intercept;
  const redirect = overrides?.redirect;
  return {
    intercept: {
      window: overrideWindow(defaults.intercept.window, intercept?.window),
      excludedCategories: intercept?.excludedCategories ?? defaults.intercept.excludedCategories,
      declaredValueLimits: intercept?.declaredValueLimits ?? defaults.intercept.declaredValueLimits,
      exchangeRates: intercept?.exchangeRates ?? defaults.intercept.exchangeRates,
    },
    redirect: {
      window: overrideWindow(defaults.redirect.window, redirect?.window),
      freePerOrder: redirect?.freePerOrder ?? defaults.redirect.freePerOrder,
      whenFreeUsed: redirect?.whenFreeUsed ?? defaults.redirect.whenFreeUsed,
    },
  };
}

/**
 * One tenant's rules at one carrier. The carrier bounds the tenant, who can only be
 * stricter: a window holds the statuses both accept, low where either says low; excluded
 * categories are the union; each currency's value limit is the lower of the two, and a
 * currency only one side limits keeps that limit; free redirects are the fewer. An
 * operation the carrier lacks is `undefined`.
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
            window: boundWindow(tenant.intercept.window, intercept.window),
            excludedCategories: [
              ...new Set([...tenant.intercept.excludedCategories, ...intercept.excludedCategories]),
            ],
            declaredValueLimits: strictestLimits([
              ...tenant.intercept.declaredValueLimits,
              ...intercept.declaredValueLimits,
            ]),
            exchangeRates: tenant.intercept.exchangeRates,
          },
    redirect:
      redirect === undefined
        ? undefined
        : {
            window: boundWindow(tenant.redirect.window, redirect.window),
            freePerOrder: Math.min(tenant.redirect.freePerOrder, redirect.freePerOrder),
            whenFreeUsed: tenant.redirect.whenFreeUsed,
          },
  };
}

function overrideWindow(
  window: PolicyWindow,
  override: Partial<PolicyWindow> | undefined,
): PolicyWindow {
  return {
    highLikelihood: override?.highLikelihood ?? window.highLikelihood,
    lowLikelihood: override?.lowLikelihood ?? window.lowLikelihood,
  };
}

/**
 * Statuses in both windows, in taxonomy order; the domain's never-eligible statuses are
 * dropped even if a carrier or tenant lists them.
 */
function boundWindow(tenant: PolicyWindow, carrier: OperationWindow): PolicyWindow {
  const highLikelihood: NormalizedStatus[] = [];
  const lowLikelihood: NormalizedStatus[] = [];
  for (const status of NORMALIZED_STATUSES) {
    const byTenant = placeInWindow(status, tenant);
    const byCarrier = placeInWindow(status, carrier);
    if (NEVER_IN_WINDOW.has(status) || byTenant === 'outside' || byCarrier === 'outside') {
      continue;
    }
    (byTenant === 'high' && byCarrier === 'high' ? highLikelihood : lowLikelihood).push(status);
  }
  return { highLikelihood, lowLikelihood };
}

/** The lowest limit per currency, in the order currencies first appear. */
function strictestLimits(limits: readonly Money[]): Money[] {
  const byCurrency = new Map<string, Money>();
  for (const limit of limits) {
    const current = byCurrency.get(limit.currency);
    if (current === undefined || compareMoney(limit, current) < 0) {
      byCurrency.set(limit.currency, limit);
    }
  }
  return [...byCurrency.values()];
}
