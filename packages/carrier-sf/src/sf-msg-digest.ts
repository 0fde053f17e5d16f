import { createHash, timingSafeEqual } from 'node:crypto';
import { javaUrlEncode } from './sf-url-encode.ts';

/**
 * SF's request signature (丰桥 "数字签名认证", the SDK's `getMsgDigest`):
 * `Base64(MD5(URLEncoder.encode(msgData + timestamp + checkword, "UTF-8")))`.
 * `timestamp` is the exact string sent in the form, so seconds and milliseconds sign
 * differently and the receiver recomputes with whatever arrived.
 */
export function computeSfMsgDigest(msgData: string, timestamp: string, checkword: string): string {
  return md5Base64(javaUrlEncode(msgData + timestamp + checkword));
}

/**
 * The same hash without the URL-encoding step, which some integrators' route-push
 * receivers check (SF's push documentation does not say which one it signs with).
 * Only used to verify pushes, never to sign.
 */
export function computeUnencodedSfMsgDigest(
  msgData: string,
  timestamp: string,
  checkword: string,
): string {
  return md5Base64(msgData + timestamp + checkword);
}

/**
 * Compares two digests in constant time (node's `timingSafeEqual`), so a push receiver
 * cannot be probed byte by byte. Lengths are public: a Base64 MD5 is always 24 characters.
 */
export function digestsEqual(received: string, expected: string): boolean {
  const left = Buffer.from(received, 'utf8');
  const right = Buffer.from(expected, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

function md5Base64(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('base64');
}
