/**
 * Tracking numbers the simulated Kuaidi100 issues, each in the format of the carrier behind
 * it, so the company (`com`) follows from the number as it does for real parcels:
 * - `zhongtong` (ZTO): 14 digits starting `78` (ZTO's 14-digit shape, which the adapter's
 *   detection recognises);
 * - `yuantong` (YTO): `YT` and 13 digits;
 * - `jtexpress` (J&T): `JT` and 13 digits;
 * - `yunda`: 13 digits starting `43`.
 * Issued in that rotation. SF Express (`shunfeng`: `SF` and 13 digits) is recognised but
 * never issued: its queries need the recipient's phone, which simulated parcels lack.
 */
const ISSUED = ['zhongtong', 'yuantong', 'jtexpress', 'yunda'] as const;

/** The n-th tracking number (n from 1). */
export function kuaidi100TrackingNumber(sequence: number): string {
  const company = ISSUED[(sequence - 1) % ISSUED.length] ?? 'zhongtong';
  const serial = String(sequence).padStart(11, '0');
  switch (company) {
    case 'zhongtong':
      return `78${serial}0`;
    case 'yuantong':
      return `YT${serial}00`;
    case 'jtexpress':
      return `JT${serial}00`;
    case 'yunda':
      return `43${serial}`;
  }
}

const FORMATS: readonly (readonly [RegExp, string])[] = [
  [/^78\d{12}$/, 'zhongtong'],
  [/^YT\d{13}$/, 'yuantong'],
  [/^JT\d{13}$/, 'jtexpress'],
  [/^43\d{11}$/, 'yunda'],
  [/^SF\d{13}$/, 'shunfeng'],
];

/** The company a number's format belongs to, or undefined for no known format. */
export function kuaidi100CompanyOf(trackingNumber: string): string | undefined {
  return FORMATS.find(([format]) => format.test(trackingNumber))?.[1];
}

/** Companies whose queries need the last digits of a phone (Kuaidi100: 顺丰速运必填). */
export const PHONE_REQUIRED: ReadonlySet<string> = new Set(['shunfeng']);

/** Names of the companies, as number recognition answers them. */
export const KUAIDI100_SIM_COMPANY_NAMES: Readonly<Record<string, string>> = {
  zhongtong: '中通快递',
  yuantong: '圆通速递',
  jtexpress: '极兔速递',
  yunda: '韵达快递',
  shunfeng: '顺丰速运',
};
