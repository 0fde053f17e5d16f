import { createHash, timingSafeEqual } from 'node:crypto';

/** Upper-case hex MD5 of a UTF-8 string, the digest every Kuaidi100 signature uses. */
function md5Upper(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex').toUpperCase();
}

/**
 * Signs a real-time query (实时查询, `poll/query.do`): `UPPER(MD5(param + key + customer))`,
 * over the exact `param` string sent (kuaidi100-api/php-demo src/synquery.php).
 */
export function signKuaidi100Query(param: string, key: string, customer: string): string {
  return md5Upper(param + key + customer);
}

/**
 * Signs a label-API call (`label/order?method=interceptOrder` and its siblings):
 * `UPPER(MD5(param + t + key + secret))`, `t` in milliseconds
 * (kuaidi100-api/php-demo src/interceptorder.php).
 */
export function signKuaidi100Label(param: string, t: string, key: string, secret: string): string {
  return md5Upper(param + t + key + secret);
}

/**
 * The signature Kuaidi100 puts on its pushes: `MD5(param + salt)` over the raw `param`
 * form field (push docs: "加密方式:md5(param+salt)"). Sent upper case by Kuaidi100's own
 * demos; compared case-insensitively below because the docs do not say.
 */
export function signKuaidi100Push(param: string, salt: string): string {
  return md5Upper(param + salt);
}

/**
 * Whether `received` is the push signature of `param` under `salt`, compared in constant
 * time so a forger learns nothing from how long a wrong guess took.
 */
export function verifyKuaidi100PushSign(param: string, salt: string, received: string): boolean {
  const expected = Buffer.from(signKuaidi100Push(param, salt), 'utf8');
  const actual = Buffer.from(received.trim().toUpperCase(), 'utf8');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
