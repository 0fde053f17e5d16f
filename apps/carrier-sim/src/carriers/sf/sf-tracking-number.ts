/**
 * SF waybill numbers as printed today: `SF` and 13 digits. The simulator counts from
 * SF1000000000001 so numbers are obviously simulated yet pass format checks (`^SF\d{13}$`).
 */
export function sfTrackingNumber(sequence: number): string {
  return `SF${String(1_000_000_000_000 + sequence).padStart(13, '0')}`;
}

/**
 * The last four digits of the simulated recipient's phone, which route queries of
 * "third-party" parcels must send as `checkPhoneNo`: the waybill number's last four.
 */
export function sfRecipientPhoneDigits(trackingNumber: string): string {
  return trackingNumber.slice(-4);
}
