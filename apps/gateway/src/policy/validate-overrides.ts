import { isNormalizedStatus, type NormalizedStatus } from '@parcelgate/carrier-kit';
import { parseDecimal } from './decimal.ts';
import { DEFAULT_POLICY } from './defaults.ts';
import { fromDefaults, mergeList, STATUS_KEYS } from './merge-overrides.ts';
import type { ListOverride, PolicyWindow, TenantPolicy } from './policy-types.ts';
import { NEVER_IN_WINDOW } from './status-window.ts';
import {
  type Fields,
  fields,
  list,
  type PolicyProblem,
  type Problems,
  token,
} from './validation-helpers.ts';

export type { PolicyProblem } from './validation-helpers.ts';

/** The money amount shape of carrier-kit's `isMoney`, checked here field by field. */
const AMOUNT = /^(?:0|[1-9]\d{0,14})(?:\.\d{1,4})?$/;
const CURRENCY = /^[A-Z]{3}$/;
const RATE_PAIR = /^([A-Z]{3})\/([A-Z]{3})$/;

const SEVERITY = "must be 'refuse' or 'warn'";
const INTERCEPT_RULES = [
  'statusWindow',
  'lastMile',
  'alreadyIntercepted',
  'excludedCategories',
  'declaredValueLimits',
];
const REDIRECT_RULES = ['statusWindow', 'lastMile'];

/** Checks one entry of a list at its pointer. */
type EntryCheck = (entry: unknown, at: string, problems: Problems) => void;

/**
 * Checks a tenant's policy overrides (the body of `PUT /v1/policy`) and lists every
 * problem, each at its JSON pointer (e.g. `/intercept/declaredValueLimits/add/0/amount`).
 * A window is also checked once merged with `defaults`: a status may not end up in both
 * parts. An empty list means the value is a valid `TenantPolicyOverrides`.
 */
export function validatePolicyOverrides(
  value: unknown,
  defaults: TenantPolicy = DEFAULT_POLICY,
): PolicyProblem[] {
  const problems: Problems = [];
  const root = fields(value, '', ['intercept', 'redirect'], problems);
  if (root?.intercept !== undefined) {
    const at = '/intercept';
    const keys = [
      'window',
      'excludedCategories',
      'declaredValueLimits',
      'exchangeRates',
      'severity',
    ];
    const intercept = fields(root.intercept, at, keys, problems);
    checkWindow(intercept?.window, `${at}/window`, defaults.intercept.window, problems);
    checkList(intercept?.excludedCategories, `${at}/excludedCategories`, problems, {
      add: checkCategory,
      remove: checkCategory,
    });
    checkLimits(intercept?.declaredValueLimits, `${at}/declaredValueLimits`, problems);
    checkRates(intercept?.exchangeRates, `${at}/exchangeRates`, problems);
    checkSeverity(intercept?.severity, `${at}/severity`, INTERCEPT_RULES, problems);
  }
  if (root?.redirect !== undefined) {
    const at = '/redirect';
    const keys = ['window', 'freePerOrder', 'whenFreeUsed', 'severity'];
    const redirect = fields(root.redirect, at, keys, problems);
    checkWindow(redirect?.window, `${at}/window`, defaults.redirect.window, problems);
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
    checkSeverity(redirect?.severity, `${at}/severity`, REDIRECT_RULES, problems);
  }
  return problems;
}

/**
 * A list override: a plain list (replace) checked entry by entry, or `{ add, remove }`
 * with each part checked by its own rule. Answers the entries given, by pointer.
 */
function checkList(
  value: unknown,
  at: string,
  problems: Problems,
  checks: { readonly add: EntryCheck; readonly remove: EntryCheck },
): { readonly pointer: string; readonly entry: unknown; readonly removed: boolean }[] {
  if (value === undefined) {
    return [];
  }
  const entries = (items: unknown[], base: string, removed: boolean) =>
    items.map((entry, index) => ({ pointer: `${base}/${index}`, entry, removed }));
  if (Array.isArray(value)) {
    for (const [index, entry] of value.entries()) {
      checks.add(entry, `${at}/${index}`, problems);
    }
    return entries(value, at, false);
  }
  if (typeof value !== 'object' || value === null) {
    problems.push({ pointer: at, message: 'must be a list, or an object with add and remove' });
    return [];
  }
  const edit = fields(value, at, ['add', 'remove'], problems);
  const add = list(edit?.add, `${at}/add`, problems);
  const remove = list(edit?.remove, `${at}/remove`, problems);
  for (const [index, entry] of add.entries()) {
    checks.add(entry, `${at}/add/${index}`, problems);
  }
  for (const [index, entry] of remove.entries()) {
    checks.remove(entry, `${at}/remove/${index}`, problems);
  }
  return [...entries(add, `${at}/add`, false), ...entries(remove, `${at}/remove`, true)];
}

function checkStatus(status: unknown, at: string, problems: Problems): void {
  if (!isNormalizedStatus(status)) {
    problems.push({ pointer: at, message: 'must be a normalized parcel status' });
  } else if (NEVER_IN_WINDOW.has(status)) {
    problems.push({
      pointer: at,
      message: `${status} can never be in a window: the parcel is not in transit to the buyer`,
    });
  }
}

function checkWindow(
  value: unknown,
  at: string,
  inherited: PolicyWindow,
  problems: Problems,
): void {
  const window =
    value === undefined
      ? undefined
      : fields(value, at, ['highLikelihood', 'lowLikelihood'], problems);
  const before = problems.length;
  const given = {
    highLikelihood: checkList(window?.highLikelihood, `${at}/highLikelihood`, problems, {
      add: checkStatus,
      remove: (status, pointer) => {
        if (!isNormalizedStatus(status)) {
          problems.push({ pointer, message: 'must be a normalized parcel status' });
        }
      },
    }),
    lowLikelihood: checkList(window?.lowLikelihood, `${at}/lowLikelihood`, problems, {
      add: checkStatus,
      remove: (status, pointer) => {
        if (!isNormalizedStatus(status)) {
          problems.push({ pointer, message: 'must be a normalized parcel status' });
        }
      },
    }),
  };
  const placed = (side: keyof typeof given) => given[side].filter((entry) => !entry.removed);
  for (const side of ['highLikelihood', 'lowLikelihood'] as const) {
    const other = side === 'highLikelihood' ? 'lowLikelihood' : 'highLikelihood';
    placed(side).forEach(({ entry, pointer }, index, entries) => {
      if (entries.findIndex((first) => first.entry === entry) !== index) {
        problems.push({ pointer, message: `${String(entry)} is listed twice` });
      } else if (side === 'lowLikelihood' && placed(other).some((high) => high.entry === entry)) {
        problems.push({ pointer, message: `${String(entry)} is also listed as high likelihood` });
      }
    });
  }
  if (window !== undefined && problems.length === before) {
    checkMergedWindow(window, at, inherited, given, problems);
  }
}

/**
 * A status the tenant places on one side while the inherited window keeps it on the
 * other would silently count as low: name it, so the tenant removes it there.
 */
function checkMergedWindow(
  window: Fields,
  at: string,
  inherited: PolicyWindow,
  given: Record<'highLikelihood' | 'lowLikelihood', { pointer: string; entry: unknown }[]>,
  problems: Problems,
): void {
  const merge = (side: 'highLikelihood' | 'lowLikelihood') =>
    mergeList(
      fromDefaults(inherited[side], (status) => status),
      window[side] as ListOverride<NormalizedStatus> | undefined,
      STATUS_KEYS,
    );
  const high = merge('highLikelihood');
  const low = merge('lowLikelihood');
  for (const entry of low) {
    const inHigh = high.find((other) => other.key === entry.key);
    if (inHigh === undefined) {
      continue;
    }
    const side = entry.source === 'tenant' ? 'lowLikelihood' : 'highLikelihood';
    const other = side === 'lowLikelihood' ? 'highLikelihood' : 'lowLikelihood';
    const pointer =
      given[side].find((item) => item.entry === entry.key)?.pointer ?? `${at}/${side}`;
    problems.push({
      pointer,
      message: `${entry.key} is also in ${other} (from the defaults): remove it there, e.g. with ${other}: { remove: ["${entry.key}"] }`,
    });
  }
}

function checkCategory(category: unknown, at: string, problems: Problems): void {
  if (typeof category !== 'string' || category.trim() === '' || category.length > 64) {
    problems.push({ pointer: at, message: 'must be a category code of 1 to 64 characters' });
  }
}

function checkLimits(value: unknown, at: string, problems: Problems): void {
  const seen = new Set<unknown>();
  const checkLimit: EntryCheck = (item, pointer) => {
    const limit = fields(item, pointer, ['amount', 'currency'], problems);
    if (limit !== undefined && !(typeof limit.amount === 'string' && AMOUNT.test(limit.amount))) {
      problems.push({
        pointer: `${pointer}/amount`,
        message: 'must be a decimal string such as "1000.00"',
      });
    }
    if (
      limit !== undefined &&
      !(typeof limit.currency === 'string' && CURRENCY.test(limit.currency))
    ) {
      problems.push({
        pointer: `${pointer}/currency`,
        message: 'must be an ISO 4217 code such as "CNY"',
      });
    } else if (limit !== undefined && seen.has(limit.currency)) {
      problems.push({ pointer: `${pointer}/currency`, message: 'one limit per currency' });
    }
    seen.add(limit?.currency);
  };
  const checkCurrency: EntryCheck = (currency, pointer) => {
    if (!(typeof currency === 'string' && CURRENCY.test(currency))) {
      problems.push({ pointer, message: 'must be the ISO 4217 code of a limit, such as "CNY"' });
    }
  };
  checkList(value, at, problems, { add: checkLimit, remove: checkCurrency });
}

function checkRates(value: unknown, at: string, problems: Problems): void {
  if (value === undefined) {
    return;
  }
  const table = fields(value, at, undefined, problems);
  if (table !== undefined && ('add' in table || 'remove' in table)) {
    const edit = fields(value, at, ['add', 'remove'], problems);
    const add =
      edit?.add === undefined ? undefined : fields(edit.add, `${at}/add`, undefined, problems);
    checkRateTable(add ?? {}, `${at}/add`, problems);
    list(edit?.remove, `${at}/remove`, problems).forEach((pair, index) => {
      if (!(typeof pair === 'string' && RATE_PAIR.test(pair))) {
        problems.push({
          pointer: `${at}/remove/${index}`,
          message: 'must name two currencies, as "USD/CNY"',
        });
      }
    });
    return;
  }
  checkRateTable(table ?? {}, at, problems);
}

function checkRateTable(rates: Fields, at: string, problems: Problems): void {
  for (const [pair, rate] of Object.entries(rates)) {
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

function checkSeverity(value: unknown, at: string, rules: string[], problems: Problems): void {
  const severity = value === undefined ? undefined : fields(value, at, rules, problems);
  for (const [rule, choice] of Object.entries(severity ?? {})) {
    if (!rules.includes(rule)) {
      continue;
    }
    const pointer = `${at}/${token(rule)}`;
    if (rule === 'alreadyIntercepted' && choice === 'warn') {
      problems.push({
        pointer,
        message:
          "must be 'refuse': a parcel has one live intercept at a time (cancel it to start another)",
      });
    } else if (choice !== 'refuse' && choice !== 'warn') {
      problems.push({ pointer, message: SEVERITY });
    }
  }
}
