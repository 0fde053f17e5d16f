/**
 * Exact decimal arithmetic on strings, with BigInt scaled integers: money limits are judged
 * to the last digit (1000.00 passes a 1000 limit, 1000.01 does not), which floats cannot
 * promise once an exchange rate multiplies the amount.
 */

/** A non-negative decimal as `units / 10^scale`. */
export interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

/** Non-negative, no sign, no exponent, no leading zeros: the shape money and rates use. */
const DECIMAL_TEXT = /^(?:0|[1-9]\d*)(?:\.(\d+))?$/;

/** Parses a non-negative decimal string exactly; `undefined` when it is not one. */
export function parseDecimal(text: string): Decimal | undefined {
  const match = DECIMAL_TEXT.exec(text);
  if (match === null) {
    return undefined;
  }
  const fraction = match[1] ?? '';
  return { units: BigInt(text.replace('.', '')), scale: fraction.length };
}

/** The exact product of two decimals. */
export function multiplyDecimal(left: Decimal, right: Decimal): Decimal {
  return { units: left.units * right.units, scale: left.scale + right.scale };
}

/** Compares exactly: negative when `left < right`, zero when equal, positive otherwise. */
export function compareDecimal(left: Decimal, right: Decimal): number {
  const scale = Math.max(left.scale, right.scale);
  const difference = rescale(left, scale) - rescale(right, scale);
  return difference === 0n ? 0 : difference > 0n ? 1 : -1;
}

/**
 * Writes a decimal without losing digits, trimming trailing zeros down to
 * `minimumFraction` digits so a converted amount reads like money (`1065.00`, not
 * `1065.0000`).
 */
export function formatDecimal(value: Decimal, minimumFraction = 2): string {
  const digits = value.units.toString().padStart(value.scale + 1, '0');
  const whole = digits.slice(0, digits.length - value.scale);
  let fraction = digits.slice(digits.length - value.scale);
  while (fraction.length > minimumFraction && fraction.endsWith('0')) {
    fraction = fraction.slice(0, -1);
  }
  const padded = fraction.padEnd(minimumFraction, '0');
  return padded.length === 0 ? whole : `${whole}.${padded}`;
}

function rescale(value: Decimal, scale: number): bigint {
  return value.units * 10n ** BigInt(scale - value.scale);
}
