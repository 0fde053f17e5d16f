/** The simulated shipper account (6 characters) and service (2 digits, `03` UPS Ground). */
const ACCOUNT = 'PG7000';
const SERVICE = '03';
const UPS_NUMBER = /^1Z([A-Z0-9]{15})(\d)$/;

/**
 * The check digit of the 15 characters after `1Z`: digits as themselves, letters as
 * `(charCode - 63) % 10`, odd positions (0-based) doubled, then what brings the sum to a
 * multiple of ten. Every 1Z number in UPS's OpenAPI examples satisfies it.
 */
export function upsCheckDigit(fifteen: string): number {
  let sum = 0;
  for (let index = 0; index < fifteen.length; index++) {
    const char = fifteen.charCodeAt(index);
    const value = char >= 48 && char <= 57 ? char - 48 : (char - 63) % 10;
    sum += index % 2 === 1 ? value * 2 : value;
  }
  return (10 - (sum % 10)) % 10;
}

/** The n-th simulated UPS number: `1Z`, account, service, a 7-digit package number, check digit. */
export function upsTrackingNumber(sequence: number): string {
  const packageNumber = String(sequence).padStart(7, '0');
  if (packageNumber.length !== 7) {
    throw new RangeError(`ups tracking number sequence ${sequence} is out of range`);
  }
  const body = `${ACCOUNT}${SERVICE}${packageNumber}`;
  return `1Z${body}${upsCheckDigit(body)}`;
}

/** Whether a string is a 1Z number with a correct check digit. */
export function isValidUpsTrackingNumber(value: string): boolean {
  const match = UPS_NUMBER.exec(value);
  return match !== null && upsCheckDigit(match[1] ?? '') === Number(match[2]);
}
