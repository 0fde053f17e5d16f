import type { CarrierDetection } from '@parcelgate/carrier-kit';

/** One carrier Kuaidi100 reaches, and the shape of the numbers it issues. */
interface CompanyFormat {
  /** Kuaidi100's company code (`com`). */
  readonly com: string;
  readonly pattern: RegExp;
  /** Checks the number's check digit, for formats that have one. */
  readonly verify?: (trackingNumber: string) => boolean;
}

/**
 * The formats of the carriers Kuaidi100 is mostly used for, as they print them today. No
 * published data set covers Chinese domestic carriers (tracking_number_data has UPS, FedEx,
 * USPS, DHL, OnTrac, Amazon and S10 only), so these are written here; only EMS
 * international numbers (S10) carry a check digit. Formats overlap (a 14-digit number
 * starting 77 is ZTO's and STO's shape): every match is answered, and the gateway asks
 * the candidates.
 */
const COMPANY_FORMATS: readonly CompanyFormat[] = [
  // 中通 ZTO: 12 or 14 digits, starting 73 to 79.
  { com: 'zhongtong', pattern: /^7[3-9](?:\d{10}|\d{12})$/ },
  // 圆通 YTO: YT and 13 digits.
  { com: 'yuantong', pattern: /^YT\d{13}$/ },
  // 极兔 J&T: JT and 13 digits.
  { com: 'jtexpress', pattern: /^JT\d{13}$/ },
  // 韵达 Yunda: 13 digits starting 31, 43, 46 or 47.
  { com: 'yunda', pattern: /^(?:31|43|46|47)\d{11}$/ },
  // 申通 STO: 12 to 15 digits starting 77.
  { com: 'shentong', pattern: /^77\d{10,13}$/ },
  // EMS (China Post) domestic: 13 digits starting 10, 11, 50, 51, 95 or 98.
  { com: 'ems', pattern: /^(?:10|11|50|51|95|98)\d{11}$/ },
  // EMS international: UPU S10 (E, a letter, 8 digits, a check digit, CN).
  { com: 'ems', pattern: /^E[A-Z]\d{9}CN$/, verify: (number) => hasS10CheckDigit(number) },
];

/**
 * Offline guess for `carrier=auto`: every Kuaidi100 company whose format the number has,
 * each carrying `carrierOptions.com` so the gateway tracks it at that company; `verified`
 * where a check digit agrees. An empty list when none matches. Never calls the network.
 */
export function detectKuaidi100TrackingNumber(trackingNumber: string): CarrierDetection[] {
  const number = trackingNumber.trim().toUpperCase();
  const detections: CarrierDetection[] = [];
  for (const format of COMPANY_FORMATS) {
    if (!format.pattern.test(number)) {
      continue;
    }
    if (format.verify !== undefined && !format.verify(number)) {
      continue;
    }
    detections.push({
      confidence: format.verify === undefined ? 'format' : 'verified',
      carrierOptions: { com: format.com },
    });
  }
  return detections;
}

const S10_WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7] as const;

/**
 * The UPU S10 check digit of an item's 8-digit serial: weights 8 6 4 2 3 5 9 7, then
 * 11 minus the sum modulo 11, where 10 counts as 0 and 11 as 5 (UPU S10 standard, the
 * same rule tracking_number_data's `s10` checksum applies).
 */
export function s10CheckDigit(serial: string): number {
  let sum = 0;
  for (const [index, weight] of S10_WEIGHTS.entries()) {
    sum += Number(serial[index]) * weight;
  }
  const digit = 11 - (sum % 11);
  return digit === 10 ? 0 : digit === 11 ? 5 : digit;
}

function hasS10CheckDigit(number: string): boolean {
  return s10CheckDigit(number.slice(2, 10)) === Number(number[10]);
}
