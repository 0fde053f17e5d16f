import type { Money, NormalizedStatus } from '@parcelgate/carrier-kit';
import type {
  ListOverride,
  PolicySource,
  PolicyWindow,
  RatesOverride,
  WindowOverride,
} from './policy-types.ts';

/** One value of a policy list, with where it came from. */
export interface SourcedEntry<Entry> {
  /** What identifies the entry in the list: `add` replaces and `remove` drops by it. */
  readonly key: string;
  readonly value: Entry;
  readonly source: PolicySource;
}

/** How the entries of one list are identified. */
export interface ListKeys<Entry, Key> {
  /** The entry's identity, as written (the key the sources are shown under). */
  readonly keyOf: (entry: Entry) => string;
  /** The identity `remove` names an entry by. */
  readonly removeKey: (key: Key) => string;
  /** How two identities compare: categories ignore case, the rest compare exactly. */
  readonly normalize?: (key: string) => string;
}

/** Whether an override is the `{ add, remove }` form rather than a plain list. */
export function isListEdit<Entry, Key>(
  override: ListOverride<Entry, Key>,
): override is { readonly add?: readonly Entry[]; readonly remove?: readonly Key[] } {
  return !Array.isArray(override);
}

/**
 * A tenant's change of one inherited list: absent keeps it, a plain list replaces it
 * whole, `{ add, remove }` drops the removed entries, replaces the inherited entry an
 * added one shares a key with, and appends the rest. Added entries are the tenant's.
 */
export function mergeList<Entry, Key>(
  inherited: readonly SourcedEntry<Entry>[],
  override: ListOverride<Entry, Key> | undefined,
  keys: ListKeys<Entry, Key>,
): SourcedEntry<Entry>[] {
  if (override === undefined) {
    return [...inherited];
  }
  const normalize = keys.normalize ?? ((key: string) => key);
  const own = (entries: readonly Entry[]) =>
    entries.map((value) => ({ key: keys.keyOf(value), value, source: 'tenant' as const }));
  if (!isListEdit(override)) {
    return own(override);
  }
  const added = own(override.add ?? []);
  const dropped = new Set([
    ...(override.remove ?? []).map((key) => normalize(keys.removeKey(key))),
    ...added.map((entry) => normalize(entry.key)),
  ]);
  return [...inherited.filter((entry) => !dropped.has(normalize(entry.key))), ...added];
}

/** The same change for the exchange rate table, whose entries are `[pair, rate]`. */
export function mergeRates(
  inherited: readonly SourcedEntry<string>[],
  override: RatesOverride | undefined,
): SourcedEntry<string>[] {
  if (override === undefined) {
    return [...inherited];
  }
  const pairs = (rates: Readonly<Record<string, string>>) =>
    Object.entries(rates).map(([key, value]) => ({ key, value, source: 'tenant' as const }));
  if (!isRatesEdit(override)) {
    return pairs(override);
  }
  const added = pairs(override.add ?? {});
  const dropped = new Set([...(override.remove ?? []), ...added.map((entry) => entry.key)]);
  return [...inherited.filter((entry) => !dropped.has(entry.key)), ...added];
}

/**
 * Whether a rate override is the `{ add, remove }` form. A plain table's keys are
 * currency pairs (`USD/CNY`), so neither `add` nor `remove` can be one of them.
 */
export function isRatesEdit(override: RatesOverride): override is {
  readonly add?: Readonly<Record<string, string>>;
  readonly remove?: readonly string[];
} {
  return Object.keys(override).some((key) => key === 'add' || key === 'remove');
}

/** Every entry of a plain list, as the deployment's defaults. */
export function fromDefaults<Entry>(
  entries: readonly Entry[],
  keyOf: (entry: Entry) => string,
): SourcedEntry<Entry>[] {
  return entries.map((value) => ({ key: keyOf(value), value, source: 'default' }));
}

/** The values of sourced entries, in order. */
export function valuesOf<Entry>(entries: readonly SourcedEntry<Entry>[]): Entry[] {
  return entries.map((entry) => entry.value);
}

/** Where each entry came from, by its key. */
export function sourcesOf(entries: readonly SourcedEntry<unknown>[]): Record<string, PolicySource> {
  return Object.fromEntries(entries.map((entry) => [entry.key, entry.source]));
}

/** Statuses are compared as written. */
export const STATUS_KEYS: ListKeys<NormalizedStatus, NormalizedStatus> = {
  keyOf: (status) => status,
  removeKey: (status) => status,
};

/** Categories are compared without regard to case or surrounding blanks. */
export const CATEGORY_KEYS: ListKeys<string, string> = {
  keyOf: (category) => category,
  removeKey: (category) => category,
  normalize: (category) => category.trim().toLowerCase(),
};

/** A value limit is identified by its currency: one limit per currency. */
export const LIMIT_KEYS: ListKeys<Money, string> = {
  keyOf: (limit) => limit.currency,
  removeKey: (currency) => currency,
};

/** A window whose statuses carry their source. */
export interface SourcedWindow {
  readonly highLikelihood: readonly SourcedEntry<NormalizedStatus>[];
  readonly lowLikelihood: readonly SourcedEntry<NormalizedStatus>[];
}

/** A tenant's change of a window, each part merged on its own. */
export function mergeWindow(
  window: PolicyWindow,
  override: WindowOverride | undefined,
): SourcedWindow {
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

/** A window without its sources. */
export function plainWindow(window: SourcedWindow): PolicyWindow {
  return {
    highLikelihood: valuesOf(window.highLikelihood),
    lowLikelihood: valuesOf(window.lowLikelihood),
  };
}

/** A status in both parts is placed low (the cautious reading), so its low source holds. */
export function windowSources(window: SourcedWindow): Record<string, PolicySource> {
  return { ...sourcesOf(window.highLikelihood), ...sourcesOf(window.lowLikelihood) };
}
