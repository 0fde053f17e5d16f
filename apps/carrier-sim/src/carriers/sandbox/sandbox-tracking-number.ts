const WEIGHTS = [3, 1, 3, 1, 3, 1, 3, 1] as const;
const TRACKING_NUMBER_PATTERN = /^SBX\d{9}$/;

/**
 * The sandbox check digit of eight digits: the digits weighted 3,1,3,1,3,1,3,1, then
 * `(10 - sum % 10) % 10` (docs/carriers/sandbox-api.md, "Tracking numbers").
 */
export function sandboxCheckDigit(eightDigits: string): number {
  if (!/^\d{8}$/.test(eightDigits)) {
    throw new RangeError(`expected eight digits, got ${JSON.stringify(eightDigits)}`);
  }
  let sum = 0;
  for (let index = 0; index < 8; index++) {
    sum += Number(eightDigits[index]) * (WEIGHTS[index] ?? 0);
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * The n-th sandbox tracking number: `SBX`, eight digits counting up from 10000000, and
 * the check digit. The first one is the spec's own example, `SBX100000016`.
 */
export function sandboxTrackingNumber(sequence: number): string {
  const body = String(10_000_000 + sequence);
  if (body.length !== 8) {
    throw new RangeError(`sandbox tracking number sequence ${sequence} is out of range`);
  }
  return `SBX${body}${sandboxCheckDigit(body)}`;
}

/** Whether a string is a well-formed sandbox tracking number with a correct check digit. */
export function isValidSandboxTrackingNumber(value: string): boolean {
  return (
    TRACKING_NUMBER_PATTERN.test(value) &&
    sandboxCheckDigit(value.slice(3, 11)) === Number(value.slice(11))
  );
}
