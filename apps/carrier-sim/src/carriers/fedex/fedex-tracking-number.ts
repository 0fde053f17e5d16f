const EXPRESS_WEIGHTS = [3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1];

/** FedEx Express's check digit of 11 digits: Σ digit × 3,1,7,..., mod 11, mod 10. */
export function fedexExpressCheckDigit(serial: string): number {
  let sum = 0;
  for (let index = 0; index < serial.length; index++) {
    sum += Number(serial[index]) * (EXPRESS_WEIGHTS[index] ?? 0);
  }
  return (sum % 11) % 10;
}

/**
 * The n-th simulated FedEx number: a 12-digit FedEx Express number `7700` + 7 digits + its
 * check digit, so adapters that check FedEx's check digit accept it.
 */
export function fedexTrackingNumber(sequence: number): string {
  const body = `7700${String(sequence).padStart(7, '0')}`;
  if (body.length !== 11) {
    throw new RangeError(`fedex tracking number sequence ${sequence} is out of range`);
  }
  return `${body}${fedexExpressCheckDigit(body)}`;
}
