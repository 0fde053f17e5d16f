import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CarrierRequest, CarrierWorld } from '../carrier-module.ts';
import { kuaidi100CompanyOf, kuaidi100TrackingNumber } from './kuaidi100-numbers.ts';
import { isKuaidi100Acknowledgement } from './kuaidi100-pushes.ts';
import { handleKuaidi100Query } from './kuaidi100-query.ts';
import {
  checkKey,
  checkLabelSign,
  checkQuerySign,
  KUAIDI100_SIM_ACCOUNT,
  kuaidi100SimAccount,
} from './kuaidi100-sim-auth.ts';
import { kuaidi100FaultResponse } from './kuaidi100-sim-errors.ts';

const md5 = (text: string) => createHash('md5').update(text).digest('hex').toUpperCase();
const bodyOf = (response: { body: Buffer }) =>
  JSON.parse(response.body.toString('utf8')) as unknown;
/** A check's answer: a string is the account (the customer), anything else the refusal sent. */
const refusal = (result: string | { body: Buffer }) =>
  typeof result === 'string' ? result : bodyOf(result);

function queryRequest(
  param: string,
  sign = md5(param + KUAIDI100_SIM_ACCOUNT.key + KUAIDI100_SIM_ACCOUNT.customer),
): CarrierRequest {
  const body = new URLSearchParams({ customer: KUAIDI100_SIM_ACCOUNT.customer, sign, param });
  return {
    route: {
      operation: 'track',
      target: 'query',
      trackingNumber: undefined,
      hasBody: true,
      handle: handleKuaidi100Query,
    },
    headers: {},
    body: Buffer.from(body.toString()),
    query: '',
  };
}

const emptyWorld = {
  parcels: { get: () => undefined },
  seed: 'unit',
  now: () => 0,
  moduleState: () => ({}),
  accountCalls: { record: () => {} },
} as unknown as CarrierWorld;

describe('simulated Kuaidi100', () => {
  it('issues numbers of four carriers in rotation and tells the company from the format', () => {
    const numbers = [1, 2, 3, 4, 5].map(kuaidi100TrackingNumber);
    expect(numbers.map(kuaidi100CompanyOf)).toEqual([
      'zhongtong',
      'yuantong',
      'jtexpress',
      'yunda',
      'zhongtong',
    ]);
    expect(new Set(numbers).size).toBe(5);
    expect(kuaidi100CompanyOf('SF1234567890123')).toBe('shunfeng');
    expect(kuaidi100CompanyOf('ABC')).toBeUndefined();
  });

  it('verifies both signatures the way the adapter computes them, answering the account', () => {
    const param = '{"com":"yunda","num":"4300000000004"}';
    const { customer, key, secret } = KUAIDI100_SIM_ACCOUNT;
    expect(checkQuerySign(customer, param, md5(param + key + customer))).toBe(customer);
    expect(refusal(checkQuerySign(customer, param, md5(param + customer + key)))).toMatchObject({
      returnCode: '503',
    });
    expect(refusal(checkQuerySign('OTHER', param, 'x'))).toMatchObject({ returnCode: '400' });
    expect(checkLabelSign(key, '1', param, md5(`${param}1${key}${secret}`))).toBe(customer);
    expect(refusal(checkLabelSign(key, '2', param, md5(`${param}1${key}${secret}`)))).toMatchObject(
      { returnCode: '503' },
    );
  });

  it('knows one account per suffix, each signing with its own key and secret', () => {
    const other = kuaidi100SimAccount('B2');
    expect(other).toEqual({
      customer: 'SIMKD100CUSTOMERB2',
      key: 'simkd100keyB2',
      secret: 'simkd100secretB2',
    });
    expect(kuaidi100SimAccount('0001')).toBe(KUAIDI100_SIM_ACCOUNT);
    expect(kuaidi100SimAccount('lower')).toBeUndefined();
    if (other === undefined) {
      return;
    }
    const param = '{"com":"yunda","num":"4300000000004"}';
    expect(checkQuerySign(other.customer, param, md5(param + other.key + other.customer))).toBe(
      other.customer,
    );
    // Signed with the default account's key: refused, as Kuaidi100 refuses a foreign sign.
    expect(
      refusal(
        checkQuerySign(
          other.customer,
          param,
          md5(param + KUAIDI100_SIM_ACCOUNT.key + other.customer),
        ),
      ),
    ).toMatchObject({ returnCode: '503' });
    expect(checkLabelSign(other.key, '1', param, md5(`${param}1${other.key}${other.secret}`))).toBe(
      other.customer,
    );
    // The default account's key with a suffix is nobody's key.
    expect(checkKey('simkd100key0001')).toBeDefined();
    expect(checkKey(other.key)).toBeUndefined();
  });

  it('answers a query whose company does not match the number, an SF query without phone, and an unknown parcel', () => {
    expect(
      bodyOf(
        handleKuaidi100Query(queryRequest('{"com":"yunda","num":"7800000000000100"}'), emptyWorld),
      ),
    ).toMatchObject({ result: false, returnCode: '500' });
    expect(
      bodyOf(
        handleKuaidi100Query(
          queryRequest('{"com":"shunfeng","num":"SF1234567890123"}'),
          emptyWorld,
        ),
      ),
    ).toMatchObject({ result: false, returnCode: '408' });
    expect(
      bodyOf(
        handleKuaidi100Query(
          queryRequest('{"com":"zhongtong","num":"78000000001000"}'),
          emptyWorld,
        ),
      ),
    ).toEqual({
      result: false,
      returnCode: '500',
      message: '查询无结果，请隔段时间再查',
    });
    expect(
      bodyOf(
        handleKuaidi100Query(
          queryRequest('{"com":"zhongtong","num":"78000000001000"}', 'BAD'),
          emptyWorld,
        ),
      ),
    ).toMatchObject({ returnCode: '503' });
  });

  it('stages an unknown parcel as HTTP 200 with returnCode 500, never a 404', () => {
    const response = kuaidi100FaultResponse(404, false);
    expect(response.status).toBe(200);
    expect(bodyOf(response)).toMatchObject({ result: false, returnCode: '500' });
    expect(kuaidi100FaultResponse(502, true).headers['content-type']).toContain('text/html');
  });

  it("counts a push acknowledged only by Kuaidi100's exact answer", () => {
    expect(
      isKuaidi100Acknowledgement(200, '{"result":true,"returnCode":"200","message":"成功"}'),
    ).toBe(true);
    expect(isKuaidi100Acknowledgement(200, '{"result":true}')).toBe(false);
    expect(isKuaidi100Acknowledgement(401, '')).toBe(false);
  });
});
