import type { RateLimits } from '@parcelgate/carrier-kit';
import type { Operation } from '../deadline/budgets.ts';

/** One carrier account's own budgets and limits, over the gateway's and the adapter's. */
export interface CarrierOverrides {
  /** `CARRIER_<ID>_BUDGET_{TRACK,INTERCEPT,REDIRECT}_MS`. */
  readonly budgetsMs: Partial<Record<Operation, number>>;
  /**
   * `CARRIER_<ID>_REQUESTS_PER_SECOND`, `_BURST`, `_MAX_CONCURRENCY`: an account may have
   * negotiated other limits than the ones the adapter declares for everyone.
   */
  readonly rateLimits: RateLimits;
}

const BUDGET_VARIABLES = {
  track: 'BUDGET_TRACK_MS',
  intercept: 'BUDGET_INTERCEPT_MS',
  redirect: 'BUDGET_REDIRECT_MS',
} as const satisfies Record<Operation, string>;

/** The limits the gateway enforces; a daily quota is the carrier's to count, declared for sizing. */
type EnforcedLimit = Exclude<keyof RateLimits, 'requestsPerDay'>;

const LIMIT_VARIABLES = {
  requestsPerSecond: 'REQUESTS_PER_SECOND',
  burst: 'BURST',
  maxConcurrency: 'MAX_CONCURRENCY',
} as const satisfies Record<EnforcedLimit, string>;

/**
 * Reads a carrier's overrides from `<prefix>_*` (prefix `CARRIER_UPS` for `ups`). Returns
 * problems naming each invalid variable instead of throwing, like the carrier's other
 * settings, so a start reports them all at once.
 */
export function readCarrierOverrides(
  prefix: string,
  env: Readonly<Record<string, string | undefined>>,
): { readonly overrides: CarrierOverrides; readonly problems: string[] } {
  const problems: string[] = [];
  const read = (suffix: string, min: number, max: number): number | undefined => {
    const name = `${prefix}_${suffix}`;
    const raw = env[name]?.trim();
    if (raw === undefined || raw === '') {
      return undefined;
    }
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
      return undefined;
    }
    return value;
  };
  const budgetsMs: Partial<Record<Operation, number>> = {};
  for (const [operation, suffix] of Object.entries(BUDGET_VARIABLES)) {
    const value = read(suffix, 50, 60_000);
    if (value !== undefined) {
      budgetsMs[operation as Operation] = value;
    }
  }
  const rateLimits: { -readonly [Key in EnforcedLimit]?: number } = {};
  for (const [field, suffix] of Object.entries(LIMIT_VARIABLES)) {
    const value = read(suffix, 1, 100_000);
    if (value !== undefined) {
      rateLimits[field as EnforcedLimit] = value;
    }
  }
  return { overrides: { budgetsMs, rateLimits }, problems };
}
