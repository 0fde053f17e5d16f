import { createHash, timingSafeEqual } from 'node:crypto';

const HEX = '0123456789ABCDEF';

/**
 * `java.net.URLEncoder.encode(value, "UTF-8")` as SF's gateway applies it before hashing:
 * `a-zA-Z0-9.-*_` kept, space to `+`, every other UTF-8 byte as upper-case `%XX`.
 * Written here, not imported from the adapter: the simulator is SF's side of the wire.
 */
export function sfJavaUrlEncode(value: string): string {
  let encoded = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const keep =
      (byte >= 0x61 && byte <= 0x7a) ||
      (byte >= 0x41 && byte <= 0x5a) ||
      (byte >= 0x30 && byte <= 0x39) ||
      byte === 0x2e ||
      byte === 0x2d ||
      byte === 0x2a ||
      byte === 0x5f;
    encoded += keep
      ? String.fromCharCode(byte)
      : byte === 0x20
        ? '+'
        : `%${HEX[byte >> 4]}${HEX[byte & 0x0f]}`;
  }
  return encoded;
}

/** `Base64(MD5(URLEncoder.encode(msgData + timestamp + checkword, "UTF-8")))`. */
export function sfMsgDigest(msgData: string, timestamp: string, checkword: string): string {
  return createHash('md5')
    .update(sfJavaUrlEncode(msgData + timestamp + checkword), 'utf8')
    .digest('base64');
}

/** Whether `received` is the digest of the request, compared in constant time. */
export function isSfDigestValid(
  received: string,
  msgData: string,
  timestamp: string,
  checkword: string,
): boolean {
  const expected = Buffer.from(sfMsgDigest(msgData, timestamp, checkword));
  const actual = Buffer.from(received);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
