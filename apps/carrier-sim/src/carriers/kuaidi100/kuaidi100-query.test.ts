import { describe, expect, it } from 'vitest';
import { useSimulator } from '../../test-support/sim-harness.ts';
import { kuaidi100CompanyOf } from './kuaidi100-numbers.ts';
import { KUAIDI100_SIM_ACCOUNT, md5Upper } from './kuaidi100-sim-auth.ts';

const sim = useSimulator({ seed: 'kuaidi100-query' });
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

interface QueryAnswer {
  readonly state?: string;
  readonly data?: readonly { readonly status?: string; readonly statusCode?: string }[];
}

function query(num: string, resultv2: string) {
  const param = JSON.stringify({ com: kuaidi100CompanyOf(num), num, resultv2 });
  const { customer, key } = KUAIDI100_SIM_ACCOUNT;
  const form = new URLSearchParams({ customer, sign: md5Upper(param + key + customer), param });
  return sim.request<QueryAnswer>('POST', '/kuaidi100/poll/query.do', form.toString(), FORM);
}

describe('a Kuaidi100 query of a parcel not picked up yet', () => {
  it('names it 已下单 (101) with resultv2 4, and only by its main state 揽收 with resultv2 1', async () => {
    const trackingNumber = await sim.createParcel({
      carrier: 'kuaidi100',
      status: 'label_created',
    });
    const advanced = await query(trackingNumber, '4');
    expect(advanced.body).toMatchObject({
      state: '101',
      data: [{ status: '已下单', statusCode: '101' }],
    });
    const plain = await query(trackingNumber, '1');
    expect(plain.body.state).toBe('1');
    expect(plain.body.data?.[0]).toEqual(expect.objectContaining({ status: '揽收' }));
    expect(plain.body.data?.[0]?.statusCode).toBeUndefined();
  });
});
