import { createHash, timingSafeEqual } from 'node:crypto';
import type { CarrierResponse } from '../carrier-response.ts';
import { kuaidi100Failure } from './kuaidi100-sim-errors.ts';

/** One enterprise account of the simulated Kuaidi100: who signs with what. */
export interface Kuaidi100SimAccount {
  /** 公司编号, the query API's `customer`: the account of a call. */
  readonly customer: string;
  /** 授权key: signs queries, and names the account on the label API. */
  readonly key: string;
  /** Signs label-API calls with the key. */
  readonly secret: string;
}

/**
 * The default account: the adapter's sandbox defaults, account suffix `0001`. Every
 * request is signed with an account's credentials and every push with the salt a request
 * (or the push target) names.
 */
export const KUAIDI100_SIM_ACCOUNT: Kuaidi100SimAccount = {
  customer: 'SIMKD100CUSTOMER0001',
  key: 'simkd100key',
  secret: 'simkd100secret',
};

const SUFFIX = /^[0-9A-Z]{1,16}$/;
const CUSTOMER_PREFIX = 'SIMKD100CUSTOMER';
const KEY_PREFIX = 'simkd100key';

/**
 * The account with a suffix (1 to 16 upper-case letters and digits), one per tenant in
 * tests: customer `SIMKD100CUSTOMER<suffix>`, key `simkd100key<suffix>`, secret
 * `simkd100secret<suffix>`; suffix `0001` is {@link KUAIDI100_SIM_ACCOUNT}, whose key and
 * secret have no suffix. Undefined for a suffix the simulator does not accept.
 */
export function kuaidi100SimAccount(suffix: string): Kuaidi100SimAccount | undefined {
  if (!SUFFIX.test(suffix)) {
    return undefined;
  }
  return suffix === '0001'
    ? KUAIDI100_SIM_ACCOUNT
    : {
        customer: `${CUSTOMER_PREFIX}${suffix}`,
        key: `${KEY_PREFIX}${suffix}`,
        secret: `simkd100secret${suffix}`,
      };
}

function accountOfCustomer(customer: string): Kuaidi100SimAccount | undefined {
  return customer.startsWith(CUSTOMER_PREFIX)
    ? kuaidi100SimAccount(customer.slice(CUSTOMER_PREFIX.length))
    : undefined;
}

function accountOfKey(key: string | null): Kuaidi100SimAccount | undefined {
  if (key === null || !key.startsWith(KEY_PREFIX)) {
    return undefined;
  }
  const account = kuaidi100SimAccount(key.slice(KEY_PREFIX.length) || '0001');
  // `simkd100key0001` is nobody's key: account 0001's is `simkd100key`.
  return account?.key === key ? account : undefined;
}

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

/**
 * Checks a query's `customer` and `sign = MD5(param + key + customer)`. Answers the
 * account (the customer), or the error to send.
 */
export function checkQuerySign(
  customer: string,
  param: string,
  sign: string,
): string | CarrierResponse {
  const account = accountOfCustomer(customer);
  if (account === undefined) {
    return UNKNOWN_CUSTOMER;
  }
  return sameSign(md5Upper(param + account.key + customer), sign) ? customer : BAD_SIGN;
}

/**
 * Checks a label-API call's `key` and `sign = MD5(param + t + key + secret)`. The label
 * API names no customer: its `key` identifies the account, so this answers the customer
 * that key belongs to (the account of the call), or the error to send.
 */
export function checkLabelSign(
  key: string,
  t: string,
  param: string,
  sign: string,
): string | CarrierResponse {
  const account = accountOfKey(key);
  if (account === undefined) {
    return UNKNOWN_KEY;
  }
  const expected = md5Upper(param + t + key + account.secret);
  return sameSign(expected, sign) ? account.customer : BAD_SIGN;
}

/** Checks the `key` of a subscription or a number recognition. */
export function checkKey(key: string | null): CarrierResponse | undefined {
  return accountOfKey(key) === undefined ? UNKNOWN_KEY : undefined;
}
