import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  signKuaidi100Label,
  signKuaidi100Push,
  signKuaidi100Query,
  verifyKuaidi100PushSign,
} from './kuaidi100-sign.ts';

/** The published formulas, computed here with node:crypto directly. */
function md5Upper(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex').toUpperCase();
}

const QUERY_PARAM = '{"com":"yunda","num":"3950055201640","resultv2":"1"}';
const LABEL_PARAM =
  '{"kuaidicom":"jtexpress","kuaidinum":"JT12345678","interceptType":"MODIFY_ADDR"}';

describe('Kuaidi100 signatures', () => {
  it('sign a query as UPPER(MD5(param + key + customer))', () => {
    const sign = signKuaidi100Query(QUERY_PARAM, 'testkey', 'TESTCUSTOMER');
    expect(sign).toBe(md5Upper(`${QUERY_PARAM}testkeyTESTCUSTOMER`));
    // Computed once from the formula and pasted: catches a change in order or case.
    expect(sign).toBe('D7CEA92994A1855D6EF47741EE02324A');
  });

  it('sign a label-API call as UPPER(MD5(param + t + key + secret))', () => {
    const sign = signKuaidi100Label(LABEL_PARAM, '1576123932000', 'testkey', 'testsecret');
    expect(sign).toBe(md5Upper(`${LABEL_PARAM}1576123932000testkeytestsecret`));
    expect(sign).toBe('9801A19D61CF78CE85F87C8E9D980ACB');
  });

  it('sign a push as MD5(param + salt), hashing UTF-8 bytes', () => {
    expect(signKuaidi100Push('{"status":"polling"}', 'kuaidi1000api@salt')).toBe(
      '3E9771E15FFD0D0BB797B2B8365A93AB',
    );
    const chinese = '{"message":"拦截成功"}';
    expect(signKuaidi100Push(chinese, 'salt')).toBe(md5Upper(`${chinese}salt`));
  });

  it('verify a push sign in either case and refuse anything else', () => {
    const param = '{"status":"polling"}';
    const sign = md5Upper(`${param}kuaidi1000api@salt`);
    expect(verifyKuaidi100PushSign(param, 'kuaidi1000api@salt', sign)).toBe(true);
    expect(verifyKuaidi100PushSign(param, 'kuaidi1000api@salt', sign.toLowerCase())).toBe(true);
    expect(verifyKuaidi100PushSign(param, 'other-salt', sign)).toBe(false);
    expect(verifyKuaidi100PushSign(`${param} `, 'kuaidi1000api@salt', sign)).toBe(false);
    expect(verifyKuaidi100PushSign(param, 'kuaidi1000api@salt', sign.slice(1))).toBe(false);
    expect(verifyKuaidi100PushSign(param, 'kuaidi1000api@salt', '')).toBe(false);
  });
});
