import type { Money, NormalizedStatus } from '@parcelgate/carrier-kit';
import { compareDecimal, parseDecimal } from './decimal.ts';
import type { PickupMode } from './policy-types.ts';

/** What a marketplace tells Parcelgate about an order (docs/automation.md). */
export const ORDER_EVENT_TYPES = [
  'refund_requested',
  'cancellation_requested',
  'address_change_requested',
  'return_requested',
  'damage_reported',
] as const;

/** One of {@link ORDER_EVENT_TYPES}. */
export type OrderEventType = (typeof ORDER_EVENT_TYPES)[number];

/** What a rule does for a parcel it matches. */
export const RULE_ACTIONS = ['intercept', 'redirect', 'notify'] as const;

/** One of {@link RULE_ACTIONS}. */
export type RuleAction = (typeof RULE_ACTIONS)[number];

/** The windows a rule may name instead of listing statuses: the tenant's effective ones. */
export const STATUS_WINDOWS = ['intercept', 'redirect'] as const;

/** One of {@link STATUS_WINDOWS}. */
export type StatusWindow = (typeof STATUS_WINDOWS)[number];

/**
 * When a rule applies. Every condition given must hold; a condition left out holds for
 * every parcel. A condition on what is not known (no declared value, no category, a status
 * that could not be read) does not hold.
 */
export interface RuleConditions {
  readonly eventTypes: readonly OrderEventType[];
  readonly carriers?: readonly string[];
  readonly parcelStatus?: {
    /** The tenant's effective window of this operation at the parcel's carrier. */
    readonly window?: StatusWindow;
    /** Or these statuses. */
    readonly in?: readonly NormalizedStatus[];
  };
  readonly declaredValue?: {
    readonly currency: string;
    readonly atMost?: string;
    readonly atLeast?: string;
  };
  readonly categories?: { readonly in?: readonly string[]; readonly notIn?: readonly string[] };
  readonly orderTags?: { readonly any?: readonly string[]; readonly none?: readonly string[] };
  readonly pickupModes?: readonly PickupMode[];
}

/** A rule as the matcher needs it. */
export interface OrderRule {
  /** `rul_…` for a tenant's rule, `default:<name>` for one of the default set. */
  readonly id: string;
  readonly name: string;
  readonly enabled: boolean;
  readonly when: RuleConditions;
  readonly do: RuleAction;
}

/** What is known of one parcel of an order event when rules are matched. */
export interface ParcelFacts {
  readonly eventType: OrderEventType;
  readonly carrier: string;
  /** Undefined when its tracking could not be read. */
  readonly status: NormalizedStatus | undefined;
  /** Whether the status lies in the tenant's effective window of each operation. */
  readonly inWindow: Readonly<Record<StatusWindow, boolean>>;
  readonly declaredValue?: Money | undefined;
  readonly category?: string | undefined;
  readonly pickupMode: PickupMode;
  readonly orderTags: readonly string[];
}

/** The first enabled rule, in order, whose every condition holds for the parcel. */
export function matchRule(rules: readonly OrderRule[], facts: ParcelFacts): OrderRule | undefined {
  return rules.find((rule) => rule.enabled && holds(rule.when, facts));
}

/** Whether every condition given holds for the parcel. */
export function holds(when: RuleConditions, facts: ParcelFacts): boolean {
  return (
    when.eventTypes.includes(facts.eventType) &&
    (when.carriers === undefined || when.carriers.includes(facts.carrier)) &&
    statusHolds(when.parcelStatus, facts) &&
    valueHolds(when.declaredValue, facts.declaredValue) &&
    categoryHolds(when.categories, facts.category) &&
    tagsHold(when.orderTags, facts.orderTags) &&
    (when.pickupModes === undefined || when.pickupModes.includes(facts.pickupMode))
  );
}

function statusHolds(condition: RuleConditions['parcelStatus'], facts: ParcelFacts): boolean {
  if (condition === undefined) {
    return true;
  }
  if (facts.status === undefined) {
    return false;
  }
  if (condition.window !== undefined && !facts.inWindow[condition.window]) {
    return false;
  }
  return condition.in === undefined || condition.in.includes(facts.status);
}

function valueHolds(condition: RuleConditions['declaredValue'], value: Money | undefined): boolean {
  if (condition === undefined) {
    return true;
  }
  // A limit in one currency says nothing of a value in another (docs/domain.md).
  if (value === undefined || value.currency !== condition.currency) {
    return false;
  }
  const amount = parseDecimal(value.amount);
  if (amount === undefined) {
    return false;
  }
  const within = (limit: string | undefined, sign: 1 | -1): boolean => {
    const bound = limit === undefined ? undefined : parseDecimal(limit);
    return bound === undefined || compareDecimal(amount, bound) * sign <= 0;
  };
  return within(condition.atMost, 1) && within(condition.atLeast, -1);
}

function categoryHolds(
  condition: RuleConditions['categories'],
  category: string | undefined,
): boolean {
  if (condition === undefined) {
    return true;
  }
  if (condition.in !== undefined && (category === undefined || !condition.in.includes(category))) {
    return false;
  }
  return (
    condition.notIn === undefined || category === undefined || !condition.notIn.includes(category)
  );
}

function tagsHold(condition: RuleConditions['orderTags'], tags: readonly string[]): boolean {
  if (condition === undefined) {
    return true;
  }
  if (condition.any !== undefined && !condition.any.some((tag) => tags.includes(tag))) {
    return false;
  }
  return condition.none === undefined || !condition.none.some((tag) => tags.includes(tag));
}
