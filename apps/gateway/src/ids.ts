import { randomBytes } from 'node:crypto';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A sortable, unguessable id such as `icp_01JD3K9V7Q8M2N4P6R8T0V2X4Z`: a ULID (48-bit
 * millisecond time, then 80 random bits, Crockford base 32) behind a type prefix, so ids
 * sort by creation and say what they name.
 */
export function newId(
  prefix: 'icp' | 'rdr' | 'tnt' | 'key' | 'con' | 'pcl' | 'evt' | 'whe' | 'icb' | 'oev' | 'rul',
  now: number = Date.now(),
): string {
  let time = '';
  let remaining = now;
  for (let index = 0; index < 10; index += 1) {
    time = CROCKFORD.charAt(remaining % 32) + time;
    remaining = Math.floor(remaining / 32);
  }
  const random = randomBytes(16);
  let tail = '';
  for (let index = 0; index < 16; index += 1) {
    tail += CROCKFORD.charAt((random[index] ?? 0) % 32);
  }
  return `${prefix}_${time}${tail}`;
}
