import type { InterceptSeverities, PolicySource, RedirectSeverities } from './policy-types.ts';

/** Where each status of a window came from, by status. */
export type WindowSources = Readonly<Record<string, PolicySource>>;

/**
 * Where each intercept value came from: list entries by their key (a category as
 * written, a limit's currency, a rate's pair, a status), settings by name.
 */
export interface InterceptSources {
  readonly window: WindowSources;
  readonly excludedCategories: Readonly<Record<string, PolicySource>>;
  readonly declaredValueLimits: Readonly<Record<string, PolicySource>>;
  readonly exchangeRates: Readonly<Record<string, PolicySource>>;
  readonly severity: Readonly<Record<keyof InterceptSeverities, PolicySource>>;
}

/** Where each redirect value came from. */
export interface RedirectSources {
  readonly window: WindowSources;
  readonly freePerOrder: PolicySource;
  readonly whenFreeUsed: PolicySource;
  readonly severity: Readonly<Record<keyof RedirectSeverities, PolicySource>>;
}

/** Where each value of a policy came from: `default`, `tenant` or `carrier`. */
export interface PolicySources {
  readonly intercept: InterceptSources;
  readonly redirect: RedirectSources;
}
