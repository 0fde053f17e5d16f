/** Bytes Java's `URLEncoder` leaves alone: `a-zA-Z0-9`, `.`, `-`, `*` and `_`. */
function isUnreserved(byte: number): boolean {
  return (
    (byte >= 0x61 && byte <= 0x7a) || // a-z
    (byte >= 0x41 && byte <= 0x5a) || // A-Z
    (byte >= 0x30 && byte <= 0x39) || // 0-9
    byte === 0x2e || // .
    byte === 0x2d || // -
    byte === 0x2a || // *
    byte === 0x5f // _
  );
}

const HEX = '0123456789ABCDEF';

/**
 * `java.net.URLEncoder.encode(value, "UTF-8")`, which SF's SDK applies before hashing
 * (`getMsgDigest`). It differs from `encodeURIComponent` in three ways that change the
 * digest: a space becomes `+` (not `%20`), `!'()~` are escaped (`%21 %27 %28 %29 %7E`),
 * and `*` stays as it is. Escapes use upper-case hex, like Java.
 *
 * Works on the UTF-8 bytes, so Chinese text becomes `%E4%B8%8A`-style triplets. A lone
 * surrogate (not valid UTF-16) is encoded as U+FFFD here, where Java writes `?`; JSON that
 * SF accepts never contains one.
 */
export function javaUrlEncode(value: string): string {
  const bytes = new TextEncoder().encode(value);
  let encoded = '';
  for (const byte of bytes) {
    if (isUnreserved(byte)) {
      encoded += String.fromCharCode(byte);
    } else if (byte === 0x20) {
      encoded += '+';
    } else {
      encoded += `%${HEX[byte >> 4]}${HEX[byte & 0x0f]}`;
    }
  }
  return encoded;
}
