import { describe, expect, it } from 'vitest';
import { useSimulator } from '../../test-support/sim-harness.ts';
import { kuaidi100CompanyOf } from './kuaidi100-numbers.ts';
import { type Kuaidi100SimAccount, kuaidi100SimAccount, md5Upper } from './kuaidi100-sim-auth.ts';

const sim = useSimulator({ seed: 'kuaidi100-accounts' });

function account(suffix: string): Kuaidi100SimAccount {
  const found = kuaidi100SimAccount(suffix);
  if (found === undefined) {
    throw new Error(`no account ${suffix}`);
  }
  return found;
}

const OWNER = account('A');
const OTHER = account('B');
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

interface Kuaidi100Answer {
  readonly result?: boolean;
  readonly returnCode?: string;
  readonly message: string;
  readonly nu?: string;
}

function query(as: Kuaidi100SimAccount, num: string) {
  const param = JSON.stringify({ com: kuaidi100CompanyOf(num), num });
  const form = new URLSearchParams({
    customer: as.customer,
    sign: md5Upper(param + as.key + as.customer),
    param,
  });
  return sim.request<Kuaidi100Answer>('POST', '/kuaidi100/poll/query.do', form.toString(), FORM);
}

function interceptOrder(as: Kuaidi100SimAccount, num: string, interceptType: string) {
  const param = JSON.stringify({
    kuaidicom: kuaidi100CompanyOf(num),
    kuaidinum: num,
    orderId: `order-${num}`,
    interceptType,
    reason: 'test',
    recManInfo: { name: '李雷', mobile: '13800000000', printAddr: '江苏省苏州市人民路1号' },
  });
  const t = '1795660800000';
  const form = new URLSearchParams({
    method: 'interceptOrder',
    key: as.key,
    t,
    sign: md5Upper(param + t + as.key + as.secret),
    param,
  });
  return sim.request<Kuaidi100Answer>(
    'POST',
    '/kuaidi100/label/order?method=interceptOrder',
    form.toString(),
    FORM,
  );
}

describe('kuaidi100 accounts (the customer; on the label API, the customer its key belongs to)', () => {
  it("answers another customer's query (an aggregator query is open) and refuses its interceptOrder with 500", async () => {
    const num = await sim.createParcel({
      carrier: 'kuaidi100',
      status: 'in_transit',
      account: OWNER.customer,
    });

    const answered = await query(OTHER, num);
    expect(answered.body).toMatchObject({ message: 'ok', nu: num });

    for (const interceptType of ['RETURN_SEND_ADDR', 'MODIFY_ADDR']) {
      const refused = await interceptOrder(OTHER, num, interceptType);
      expect(refused.status).toBe(200);
      expect(refused.body).toEqual({
        result: false,
        returnCode: '500',
        message: '快递公司返回：非本账号运单，无权拦截或改址',
      });
    }

    const parcel = await sim.parcel(num, 'kuaidi100');
    expect(parcel.intercept).toBeNull();
    expect(parcel.redirects).toEqual([]);
    expect(parcel.calls).toEqual({ track: 1, intercept: 1, redirect: 1 });
    expect(parcel.callsByAccount).toEqual({
      [OTHER.customer]: { track: 1, intercept: 1, redirect: 1 },
    });
  });

  it("lets the customer that shipped the waybill intercept it; a waybill without an account is anyone's", async () => {
    const owned = await sim.createParcel({
      carrier: 'kuaidi100',
      status: 'in_transit',
      account: OWNER.customer,
    });
    expect((await interceptOrder(OWNER, owned, 'RETURN_SEND_ADDR')).body).toMatchObject({
      result: true,
      returnCode: '200',
    });
    expect((await sim.parcel(owned, 'kuaidi100')).callsByAccount).toEqual({
      [OWNER.customer]: { track: 0, intercept: 1, redirect: 0 },
    });

    const open = await sim.createParcel({ carrier: 'kuaidi100', status: 'in_transit' });
    expect((await interceptOrder(OTHER, open, 'MODIFY_ADDR')).body).toMatchObject({
      result: true,
    });
  });
});
