import type { SimStatus } from './statuses.ts';

/**
 * A carrier's intercept rules as data (domain.md: "as data that a deployment can
 * change, not as constants buried in code"). Each carrier module hands one to the
 * shared decision function.
 */
export interface InterceptPolicy {
  /**
   * Chance that the carrier catches the parcel, per status inside the intercept window.
   * A status missing here is outside the window.
   */
  readonly successRate: Readonly<Partial<Record<SimStatus, number>>>;
  /** Categories the carrier refuses to intercept. */
  readonly excludedCategories: ReadonlySet<string>;
  /**
   * Highest declared value (inclusive) per currency. A parcel in a currency without a
   * limit here is not checked: the simulator does not convert currencies.
   */
  readonly valueLimits: Readonly<Record<string, number>>;
}

/** The categories domain.md lists as excluded from carrier interception. */
export const EXCLUDED_CATEGORIES: ReadonlySet<string> = new Set([
  'fresh_food',
  'virtual_goods',
  'jewelry',
  'antiques',
  'second_hand',
  'tea',
  'large_appliances',
  'custom_made',
]);

/**
 * The rules of domain.md with numbers: high success between pickup and the last-mile
 * station, much lower once the parcel sits in that station, refusal above 1,000 CNY.
 */
export const DEFAULT_INTERCEPT_POLICY: InterceptPolicy = {
  successRate: {
    picked_up: 0.98,
    in_transit: 0.95,
    exception: 0.8,
    at_destination_facility: 0.3,
  },
  excludedCategories: EXCLUDED_CATEGORIES,
  valueLimits: { CNY: 1000 },
};
