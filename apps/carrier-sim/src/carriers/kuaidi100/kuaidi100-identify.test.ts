import { describe, expect, it } from 'vitest';
import {
  identifyKuaidi100Label,
  identifyKuaidi100Query,
  identifyKuaidi100Subscribe,
} from './kuaidi100-identify.ts';

function form(fields: Record<string, string>, param: unknown): Buffer {
  const text = typeof param === 'string' ? param : JSON.stringify(param);
  return Buffer.from(new URLSearchParams({ ...fields, param: text }).toString());
}

describe('identifying Kuaidi100 requests by their form', () => {
  it('reads a query as a track of param.num', () => {
    const body = form({ customer: 'c', sign: 's' }, { com: 'yunda', num: ' 4300000000004 ' });
    expect(identifyKuaidi100Query(body)).toEqual({
      operation: 'track',
      trackingNumber: '4300000000004',
    });
    expect(identifyKuaidi100Query(form({}, '{oops'))).toBeUndefined();
  });

  it('reads interceptOrder as an intercept or, for MODIFY_ADDR, a redirect of param.kuaidinum', () => {
    const param = { kuaidicom: 'yunda', kuaidinum: '4300000000004' };
    const returned = form({ key: 'k' }, { ...param, interceptType: 'RETURN_SEND_ADDR' });
    expect(identifyKuaidi100Label(returned, 'method=interceptOrder')).toEqual({
      operation: 'intercept',
      trackingNumber: '4300000000004',
    });
    const moved = form({ method: 'interceptOrder' }, { ...param, interceptType: 'MODIFY_ADDR' });
    expect(identifyKuaidi100Label(moved, '')).toEqual({
      operation: 'redirect',
      trackingNumber: '4300000000004',
    });
  });

  it('identifies no label call without method=interceptOrder or with an unknown type', () => {
    const param = { kuaidinum: '4300000000004', interceptType: 'RETURN_SEND_ADDR' };
    expect(identifyKuaidi100Label(form({}, param), '')).toBeUndefined();
    expect(identifyKuaidi100Label(form({}, param), 'method=cancelOrder')).toBeUndefined();
    expect(
      identifyKuaidi100Label(
        form({}, { ...param, interceptType: 'BURN' }),
        'method=interceptOrder',
      ),
    ).toBeUndefined();
  });

  it('reads a subscription as subscribe of param.number', () => {
    const body = form({ schema: 'json' }, { company: 'yunda', number: '4300000000004' });
    expect(identifyKuaidi100Subscribe(body)).toEqual({
      operation: 'subscribe',
      trackingNumber: '4300000000004',
    });
  });
});
