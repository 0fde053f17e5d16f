import type { TenantPolicy } from './policy-types.ts';

/**
 * The domain's rules (docs/domain.md, "The rules the gateway applies") as the deployment default
 * that tenants override and carriers bound:
 * - intercept from carrier pickup until the parcel is handed to the delivery courier, with
 *   low odds once it sits in the last-mile station or in exception;
 * - the eight categories that lower the odds;
 * - at most 1,000 CNY declared value, and no exchange rate: a limit in one currency never
 *   silently applies to another;
 * - the guide's severities: a status outside the window and an intercept under way
 *   refuse; the categories, the value limit and the last-mile station only warn (they
 *   lower the odds, they do not forbid);
 * - one platform-paid redirect per order, further ones charged to the merchant.
 */
export const DEFAULT_POLICY: TenantPolicy = {
  intercept: {
    window: {
      highLikelihood: ['picked_up', 'in_transit'],
      lowLikelihood: ['at_destination_facility', 'exception'],
    },
    excludedCategories: [
      'fresh_food',
      'virtual_goods',
      'jewelry',
      'antiques',
      'second_hand',
      'tea',
      'large_appliances',
      'custom_made',
    ],
    declaredValueLimits: [{ amount: '1000.00', currency: 'CNY' }],
    exchangeRates: {},
    severity: {
      statusWindow: 'refuse',
      lastMile: 'warn',
      alreadyIntercepted: 'refuse',
      excludedCategories: 'warn',
      declaredValueLimits: 'warn',
    },
  },
  redirect: {
    window: {
      highLikelihood: ['picked_up', 'in_transit'],
      lowLikelihood: ['at_destination_facility', 'exception'],
    },
    freePerOrder: 1,
    whenFreeUsed: 'charge',
    severity: { statusWindow: 'refuse', lastMile: 'warn' },
  },
};
