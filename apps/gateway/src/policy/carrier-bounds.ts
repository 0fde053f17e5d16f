/**
 * How a carrier bounds a tenant's policy, for the evaluations and for `GET /v1/policy`:
 * the tenant can only be stricter than its carrier.
 */
import {
  compareMoney,
  type Money,
  NORMALIZED_STATUSES,
  type NormalizedStatus,
  type OperationWindow,
} from '@parcelgate/carrier-kit';
import {
  CATEGORY_KEYS,
  fromDefaults,
  plainWindow,
  type SourcedEntry,
  type SourcedWindow,
  STATUS_KEYS,
  windowSources,
} from './merge-overrides.ts';
import type { PolicyWindow } from './policy-types.ts';
import { NEVER_IN_WINDOW, placeInWindow } from './status-window.ts';

/** Entries the carrier declares. */
export function fromCarrier<Entry>(
  entries: readonly Entry[],
  keyOf: (entry: Entry) => string,
): SourcedEntry<Entry>[] {
  return entries.map((value) => ({ key: keyOf(value), value, source: 'carrier' }));
}

/** The statuses a carrier acts on, without those the domain never allows. */
export function domainWindow(carrier: OperationWindow): PolicyWindow {
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
export function boundWindow(tenant: PolicyWindow, carrier: OperationWindow): PolicyWindow {
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
export function boundSourcedWindow(tenant: SourcedWindow, carrier: OperationWindow): SourcedWindow {
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
export function unionCategories(
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
export function strictestLimits(limits: readonly SourcedEntry<Money>[]): SourcedEntry<Money>[] {
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
