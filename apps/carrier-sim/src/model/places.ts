import type { Place } from './parcel.ts';

/** Cities parcels start from, pass through and go to; plausible, not a real network. */
export const CITIES: readonly Place[] = [
  { city: 'Shanghai', region: 'SH', postalCode: '200000', country: 'CN' },
  { city: 'Hangzhou', region: 'ZJ', postalCode: '310000', country: 'CN' },
  { city: 'Suzhou', region: 'JS', postalCode: '215000', country: 'CN' },
  { city: 'Nanjing', region: 'JS', postalCode: '210000', country: 'CN' },
  { city: 'Guangzhou', region: 'GD', postalCode: '510000', country: 'CN' },
  { city: 'Shenzhen', region: 'GD', postalCode: '518000', country: 'CN' },
  { city: 'Beijing', region: 'BJ', postalCode: '100000', country: 'CN' },
  { city: 'Chengdu', region: 'SC', postalCode: '610000', country: 'CN' },
  { city: 'Wuhan', region: 'HB', postalCode: '430000', country: 'CN' },
  { city: 'Xiamen', region: 'FJ', postalCode: '361000', country: 'CN' },
];

/**
 * Picks three distinct cities (origin, hub, destination) from a number in [0, 1), so a
 * parcel's route is a pure function of the seed and its tracking number.
 */
export function pickRoute(unit: number): { origin: Place; hub: Place; destination: Place } {
  const count = CITIES.length;
  const combined = Math.floor(unit * count * (count - 1) * (count - 2));
  const originIndex = combined % count;
  const hubOffset = 1 + (Math.floor(combined / count) % (count - 1));
  const destinationOffset = 1 + (Math.floor(combined / (count * (count - 1))) % (count - 2));
  const hubIndex = (originIndex + hubOffset) % count;
  let destinationIndex = (originIndex + destinationOffset) % count;
  if (destinationIndex === hubIndex) {
    destinationIndex = (originIndex + count - 1) % count;
  }
  return {
    origin: cityAt(originIndex),
    hub: cityAt(hubIndex),
    destination: cityAt(destinationIndex),
  };
}

function cityAt(index: number): Place {
  const place = CITIES[index];
  if (place === undefined) {
    throw new RangeError(`no city at index ${index}`);
  }
  return place;
}
