import { isNormalizedStatus } from '@parcelgate/carrier-kit';
import { parseDecimal } from './decimal.ts';
import { NEVER_IN_WINDOW } from './status-window.ts';
import { fields, list, type PolicyProblem, type Problems, token } from './validation-helpers.ts';

export type { PolicyProblem } from './validation-helpers.ts';

/** The money amount shape of carrier-kit's `isMoney`, checked here field by field. */
const AMOUNT = /^(?:0|[1-9]\d{0,14})(?:\.\d{1,4})?$/;
const CURRENCY = /^[A-Z]{3}$/;
const RATE_PAIR = /^([A-Z]{3})\/([A-Z]{3})$/;

/**
 * Checks a tenant's policy overrides (the body of a future `PUT /v1/policy`) and lists every
 * problem, each at its JSON pointer (e.g. `/intercept/declaredValueLimits/0/amount`).
 * An empty list means the value is a valid `TenantPolicyOverrides`.
 */
export function validatePolicyOverrides(value: unknown): PolicyProblem[] {
  const problems: Problems = [];
  const root = fields(value, '', ['intercept', 'redirect'], problems);
  if (root?.intercept !== undefined) {
    const at = '/intercept';
    const keys = ['window', 'excludedCategories', 'declaredValueLimits', 'exchangeRates'];
    const intercept = fields(root.intercept, at, keys, problems);
    checkWindow(intercept?.window, `${at}/window`, problems);
    checkCategories(intercept?.excludedCategories, `${at}/excludedCategories`, problems);
    checkLimits(intercept?.declaredValueLimits, `${at}/declaredValueLimits`, problems);
    checkRates(intercept?.exchangeRates, `${at}/exchangeRates`, problems);
  }
  if (root?.redirect !== undefined) {
    const at = '/redirect';
    const redirect = fields(
      root.redirect,
      at,
      ['window', 'freePerOrder', 'whenFreeUsed'],
      problems,
    );
    checkWindow(redirect?.window, `${at}/window`, problems);
    const free = redirect?.freePerOrder;
    if (free !== undefined && !(Number.isSafeInteger(free) && Number(free) >= 0)) {
      problems.push({
        pointer: `${at}/freePerOrder`,
        message: 'must be a whole number, 0 or more',
      });
    }
    const when = redirect?.whenFreeUsed;
    if (when !== undefined && when !== 'charge' && when !== 'refuse') {
      problems.push({ pointer: `${at}/whenFreeUsed`, message: "must be 'charge' or 'refuse'" });
    }
  }
  return problems;
}

function checkWindow(value: unknown, at: string, problems: Problems): void {
  const window =
    value === undefined
      ? undefined
      : fields(value, at, ['highLikelihood', 'lowLikelihood'], problems);
  const high = list(window?.highLikelihood, `${at}/highLikelihood`, problems);
  const low = list(window?.lowLikelihood, `${at}/lowLikelihood`, problems);
  const check = (statuses: unknown[], side: string, other: unknown[]) => {
    statuses.forEach((status, index) => {
      const pointer = `${at}/${side}/${index}`;
      if (!isNormalizedStatus(status)) {
        problems.push({ pointer, message: 'must be a normalized parcel status' });
      } else if (NEVER_IN_WINDOW.has(status)) {
        problems.push({
          pointer,
          message: `${status} can never be in a window: the parcel is not in transit to the buyer`,
        });
      } else if (statuses.indexOf(status) !== index) {
        problems.push({ pointer, message: `${status} is listed twice` });
      } else if (side === 'lowLikelihood' && other.includes(status)) {
        problems.push({ pointer, message: `${status} is also listed as high likelihood` });
      }
    });
  };
  check(high, 'highLikelihood', low);
  check(low, 'lowLikelihood', high);
}

function checkCategories(value: unknown, at: string, problems: Problems): void {
  list(value, at, problems).forEach((category, index) => {
    if (typeof category !== 'string' || category.trim() === '' || category.length > 64) {
      problems.push({
        pointer: `${at}/${index}`,
        message: 'must be a category code of 1 to 64 characters',
      });
    }
  });
}

function checkLimits(value: unknown, at: string, problems: Problems): void {
  const seen = new Set<unknown>();
  list(value, at, problems).forEach((item, index) => {
    const limit = fields(item, `${at}/${index}`, ['amount', 'currency'], problems);
    if (limit !== undefined && !(typeof limit.amount === 'string' && AMOUNT.test(limit.amount))) {
      problems.push({
        pointer: `${at}/${index}/amount`,
        message: 'must be a decimal string such as "1000.00"',
      });
    }
    if (
      limit !== undefined &&
      !(typeof limit.currency === 'string' && CURRENCY.test(limit.currency))
    ) {
      problems.push({
        pointer: `${at}/${index}/currency`,
        message: 'must be an ISO 4217 code such as "CNY"',
      });
    } else if (limit !== undefined && seen.has(limit.currency)) {
      problems.push({ pointer: `${at}/${index}/currency`, message: 'one limit per currency' });
    }
    seen.add(limit?.currency);
  });
}

function checkRates(value: unknown, at: string, problems: Problems): void {
  const rates = value === undefined ? undefined : fields(value, at, undefined, problems);
  for (const [pair, rate] of Object.entries(rates ?? {})) {
    const pointer = `${at}/${token(pair)}`;
    const currencies = RATE_PAIR.exec(pair);
    const parsed = typeof rate === 'string' ? parseDecimal(rate) : undefined;
    if (currencies === null || currencies[1] === currencies[2]) {
      problems.push({ pointer, message: 'the key must name two currencies, as "USD/CNY"' });
    }
    if (parsed === undefined || parsed.units === 0n) {
      problems.push({
        pointer,
        message: 'the rate must be a decimal string above zero, such as "7.10"',
      });
    }
  }
}
