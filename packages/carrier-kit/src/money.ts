/**
 * An amount of money: a decimal string (never a float, so `999.00` stays exact) and an
 * ISO 4217 currency code.
 */
export interface Money {
  /** Decimal string with up to the currency's minor digits, e.g. `"129.00"`. */
  readonly amount: string;
  /** ISO 4217 code, upper case, e.g. `"CNY"`. */
  readonly currency: string;
}

const DECIMAL_AMOUNT = /^(?:0|[1-9]\d{0,14})(?:\.\d{1,4})?$/;
const CURRENCY_CODE = /^[A-Z]{3}$/;

/** Whether a value is a well-formed {@link Money} (non-negative decimal string, ISO 4217 code). */
export function isMoney(value: unknown): value is Money {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const { amount, currency } = value as Record<string, unknown>;
  return (
    typeof amount === 'string' &&
    DECIMAL_AMOUNT.test(amount) &&
    typeof currency === 'string' &&
    CURRENCY_CODE.test(currency)
  );
}

/**
 * Compares two amounts in the same currency exactly (no float rounding): negative when
 * `left < right`, zero when equal, positive otherwise. Throws when currencies differ,
 * because a limit in one currency never silently applies to another.
 */
export function compareMoney(left: Money, right: Money): number {
  if (left.currency !== right.currency) {
    throw new RangeError(`cannot compare ${left.currency} with ${right.currency}`);
  }
  const difference = toMinorUnits(left.amount) - toMinorUnits(right.amount);
  return difference === 0n ? 0 : difference > 0n ? 1 : -1;
}

/** Four decimals covers every ISO 4217 minor unit. */
const SCALE = 4;

function toMinorUnits(amount: string): bigint {
  const [whole = '0', fraction = ''] = amount.split('.');
  return BigInt(whole + fraction.padEnd(SCALE, '0').slice(0, SCALE));
}
