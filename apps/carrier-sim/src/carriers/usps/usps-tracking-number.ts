/** Simulated IMpb numbers: application id 94, SCNC 00, service 10, then the sequence. */
const PREFIX = '940010';

/** The IMpb check digit: weights 3 and 1 from the left, mod 10. */
export function impbCheckDigit(serial: string): number {
  let sum = 0;
  for (let index = 0; index < serial.length; index++) {
    sum += Number(serial[index]) * (index % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

/** The n-th simulated 22-digit USPS tracking number, check digit included. */
export function uspsTrackingNumber(sequence: number): string {
  const serial = `${PREFIX}${String(sequence).padStart(15, '0')}`;
  if (serial.length !== 21) {
    throw new RangeError(`usps tracking number sequence ${sequence} is out of range`);
  }
  return `${serial}${impbCheckDigit(serial)}`;
}
