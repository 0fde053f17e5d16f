import { createHash, timingSafeEqual } from 'node:crypto';
import type { CarrierResponse } from '../carrier-response.ts';
import { kuaidi100Failure } from './kuaidi100-sim-errors.ts';

/**
 * The one enterprise account the simulated Kuaidi100 knows: the adapter's sandbox
 * defaults. Every request is signed with it and every push signed with the salt a
 * request (or the push target) names.
 */
export const KUAIDI100_SIM_ACCOUNT = {
  customer: 'SIMKD100CUSTOMER0001',
  key: 'simkd100key',
  secret: 'simkd100secret',
} as const;

/** Upper-case hex MD5, the digest of every Kuaidi100 signature. */
export function md5Upper(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex').toUpperCase();
}

function sameSign(expected: string, received: string): boolean {
  const left = Buffer.from(expected);
  const right = Buffer.from(received.toUpperCase());
  return left.length === right.length && timingSafeEqual(left, right);
}

const UNKNOWN_CUSTOMER = kuaidi100Failure('400', '找不到对应公司');
const BAD_SIGN = kuaidi100Failure('503', '验证签名失败');
const UNKNOWN_KEY = kuaidi100Failure('600', '您不是合法的用户（即授权Key出错）');

/** Checks a query's `customer` and `sign = MD5(param + key + customer)`. */
export function checkQuerySign(
  customer: string,
  param: string,
  sign: string,
): CarrierResponse | undefined {
  if (customer !== KUAIDI100_SIM_ACCOUNT.customer) {
    return UNKNOWN_CUSTOMER;
  }
  return sameSign(md5Upper(param + KUAIDI100_SIM_ACCOUNT.key + customer), sign)
    ? undefined
    : BAD_SIGN;
}

/** Checks a label-API call's `key` and `sign = MD5(param + t + key + secret)`. */
export function checkLabelSign(
  key: string,
  t: string,
  param: string,
  sign: string,
): CarrierResponse | undefined {
  if (key !== KUAIDI100_SIM_ACCOUNT.key) {
    return UNKNOWN_KEY;
  }
  const expected = md5Upper(param + t + key + KUAIDI100_SIM_ACCOUNT.secret);
  return sameSign(expected, sign) ? undefined : BAD_SIGN;
}

/** Checks the `key` of a subscription or a number recognition. */
export function checkKey(key: string | null): CarrierResponse | undefined {
  return key === KUAIDI100_SIM_ACCOUNT.key ? undefined : UNKNOWN_KEY;
}
