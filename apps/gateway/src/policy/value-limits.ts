import { isMoney, type Money } from '@parcelgate/carrier-kit';
import {
  compareDecimal,
  type Decimal,
  formatDecimal,
  multiplyDecimal,
  parseDecimal,
} from './decimal.ts';

/** How a declared value stands against the value limits. */
export type ValueJudgement =
  | { readonly kind: 'within' }
  | { readonly kind: 'over'; readonly message: string }
  | { readonly kind: 'unchecked'; readonly message: string };

/** One comparison of the parcel's value with one limit, both in the same currency. */
interface Comparison {
  readonly over: boolean;
  readonly message: string;
}

/**
 * Judges a declared value against per-currency limits (docs/domain.md, "The rules the gateway applies"). A limit in the
 * parcel's own currency decides alone. Otherwise each limit reachable through a configured
 * rate is applied, converting exactly with decimal arithmetic, and the value is over when
 * any of them is exceeded; with no limit reachable the value is reported unchecked, since a
 * limit in one currency never silently applies to another. At the limit is within it.
 */
export function judgeDeclaredValue(
  value: Money,
  limits: readonly Money[],
  exchangeRates: Readonly<Record<string, string>>,
): ValueJudgement {
  const amount = isMoney(value) ? parseDecimal(value.amount) : undefined;
  if (amount === undefined) {
    return { kind: 'unchecked', message: 'the declared value is not a valid amount of money' };
  }
  const direct = limits.filter((limit) => limit.currency === value.currency);
  const comparisons =
    direct.length > 0
      ? direct.flatMap((limit) => compareDirect(value, amount, limit))
      : limits.flatMap((limit) => compareConverted(value, amount, limit, exchangeRates));
  if (comparisons.length === 0) {
    return {
      kind: 'unchecked',
      message: `no value limit applies to ${value.currency} and no exchange rate to a currency with a limit is configured, so the declared value ${value.amount} ${value.currency} was not checked`,
    };
  }
  const over = comparisons.filter((comparison) => comparison.over);
  return over.length === 0
    ? { kind: 'within' }
    : { kind: 'over', message: over.map((comparison) => comparison.message).join('; ') };
}

function compareDirect(value: Money, amount: Decimal, limit: Money): Comparison[] {
  const limitAmount = parseDecimal(limit.amount);
  if (limitAmount === undefined) {
    return [];
  }
  return [
    {
      over: compareDecimal(amount, limitAmount) > 0,
      message: `the declared value ${value.amount} ${value.currency} is above the ${limit.amount} ${limit.currency} limit`,
    },
  ];
}

/**
 * Converts in whichever direction a rate is configured, preferring parcel-to-limit
 * currency; both directions multiply, so no division ever rounds.
 */
function compareConverted(
  value: Money,
  amount: Decimal,
  limit: Money,
  exchangeRates: Readonly<Record<string, string>>,
): Comparison[] {
  const limitAmount = parseDecimal(limit.amount);
  const forwardPair = `${value.currency}/${limit.currency}`;
  const backwardPair = `${limit.currency}/${value.currency}`;
  const forward = positiveRate(exchangeRates[forwardPair]);
  const backward = positiveRate(exchangeRates[backwardPair]);
  if (limitAmount === undefined) {
    return [];
  }
  if (forward !== undefined) {
    const converted = multiplyDecimal(amount, forward);
    return [
      {
        over: compareDecimal(converted, limitAmount) > 0,
        message: `the declared value ${value.amount} ${value.currency} is ${formatDecimal(converted)} ${limit.currency} at the configured rate ${forwardPair} ${exchangeRates[forwardPair]}, above the ${limit.amount} ${limit.currency} limit`,
      },
    ];
  }
  if (backward !== undefined) {
    const convertedLimit = multiplyDecimal(limitAmount, backward);
    return [
      {
        over: compareDecimal(amount, convertedLimit) > 0,
        message: `the declared value ${value.amount} ${value.currency} is above the ${limit.amount} ${limit.currency} limit, which is ${formatDecimal(convertedLimit)} ${value.currency} at the configured rate ${backwardPair} ${exchangeRates[backwardPair]}`,
      },
    ];
  }
  return [];
}

/** A rate that can be used: a well-formed decimal above zero. */
function positiveRate(text: string | undefined): Decimal | undefined {
  const rate = text === undefined ? undefined : parseDecimal(text);
  return rate === undefined || rate.units === 0n ? undefined : rate;
}
