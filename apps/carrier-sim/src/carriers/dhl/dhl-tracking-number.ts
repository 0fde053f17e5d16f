/** Simulated numbers start here: 10-digit DHL Express waybill numbers, nine digits and a check digit. */
const BASE = 300_000_000;

/** The mod-7 check digit of a DHL Express number's first nine digits. */
export function dhlCheckDigit(nine: string): number {
  return Number(BigInt(nine) % 7n);
}

/** The n-th simulated DHL Express waybill number. */
export function dhlTrackingNumber(sequence: number): string {
  const nine = String(BASE + sequence);
  if (nine.length !== 9) {
    throw new RangeError(`dhl tracking number sequence ${sequence} is out of range`);
  }
  return `${nine}${dhlCheckDigit(nine)}`;
}
