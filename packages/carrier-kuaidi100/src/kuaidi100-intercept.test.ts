import { createHash } from 'node:crypto';
import { createCarrierTestServer, sampleRequests } from '@parcelgate/carrier-testkit';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  formOf,
  KUAIDI100_TEST_BASE_URL,
  KUAIDI100_TEST_CREDENTIALS,
  KUAIDI100_TEST_HOSTS,
  kuaidi100TestContext,
} from '../test/support/kuaidi100-unit.ts';
import interceptAccepted from './__fixtures__/intercept-accepted.json' with { type: 'json' };
import interceptRefused from './__fixtures__/intercept-refused.json' with { type: 'json' };
import subscribeAccepted from './__fixtures__/subscribe-accepted.json' with { type: 'json' };
import { interceptKuaidi100Parcel } from './kuaidi100-intercept.ts';
import { redirectKuaidi100Parcel } from './kuaidi100-redirect.ts';

const server = createCarrierTestServer();
const LABEL_URL = `${KUAIDI100_TEST_HOSTS.label}/label/order`;
const CALLBACK_URL = 'https://gateway.test/v1/carrier-callbacks/kuaidi100';

function answerLabel(body: Record<string, unknown>): void {
  server.use(http.post(LABEL_URL, () => HttpResponse.json(body)));
}

describe('interceptKuaidi100Parcel', () => {
  it('sends a signed interceptOrder back to the sender and answers pending with the task id', async () => {
    answerLabel(interceptAccepted);
    const result = await interceptKuaidi100Parcel(
      kuaidi100TestContext(),
      sampleRequests.intercept('78000000000100', {
        reference: 'icp_unit_1',
        carrierOptions: { com: 'zhongtong' },
      }),
    );
    expect(result).toEqual({
      outcome: 'pending',
      carrierReference: '2B389A891A2C4AF8AB29927050DA52CC',
      message: '提交成功',
    });
    const [call] = server.calls;
    expect(call?.url.href).toBe(`${LABEL_URL}?method=interceptOrder`);
    const form = formOf(call?.body ?? '');
    expect(form.method).toBe('interceptOrder');
    expect(form.key).toBe(KUAIDI100_TEST_CREDENTIALS.key);
    expect(form.t).toBe(String(Date.parse('2026-11-26T01:00:00.000Z')));
    const { key, secret, salt } = KUAIDI100_TEST_CREDENTIALS;
    expect(form.sign).toBe(
      createHash('md5').update(`${form.param}${form.t}${key}${secret}`).digest('hex').toUpperCase(),
    );
    expect(JSON.parse(form.param ?? '')).toEqual({
      kuaidicom: 'zhongtong',
      kuaidinum: '78000000000100',
      orderId: 'icp_unit_1',
      interceptType: 'RETURN_SEND_ADDR',
      interceptPayType: 'MONTHLY',
      orderRole: '1',
      reason: '买家取消订单：conformance check',
      salt,
    });
  });

  it('names the callback URL and subscribes the parcel when the gateway has one', async () => {
    answerLabel(interceptAccepted);
    server.use(
      http.post(`${KUAIDI100_TEST_BASE_URL}/poll`, () => HttpResponse.json(subscribeAccepted)),
    );
    await interceptKuaidi100Parcel(
      kuaidi100TestContext({ callbackUrl: CALLBACK_URL }),
      sampleRequests.intercept('78000000000100', { carrierOptions: { com: 'zhongtong' } }),
    );
    const [label, subscription] = server.calls;
    const param = JSON.parse(formOf(label?.body ?? '').param ?? '');
    expect(param).toMatchObject({ callbackUrl: CALLBACK_URL });
    const subscribeForm = formOf(subscription?.body ?? '');
    expect(subscribeForm.schema).toBe('json');
    expect(JSON.parse(subscribeForm.param ?? '')).toEqual({
      company: 'zhongtong',
      number: '78000000000100',
      key: KUAIDI100_TEST_CREDENTIALS.key,
      parameters: {
        callbackurl: CALLBACK_URL,
        salt: KUAIDI100_TEST_CREDENTIALS.salt,
        resultv2: '4',
      },
    });
  });

  it('takes where the parcel goes, who pays and the account from the connection, never the request', async () => {
    answerLabel(interceptAccepted);
    await interceptKuaidi100Parcel(
      kuaidi100TestContext({
        credentials: {
          ...KUAIDI100_TEST_CREDENTIALS,
          interceptType: 'RETURN_SEND_STATION',
          interceptPayType: 'SHIPPER',
          orderRole: '3',
          partnerId: 'ZTO-ACCOUNT-1',
        },
      }),
      sampleRequests.intercept('78000000000100', {
        // Undeclared: the gateway refuses these; an adapter called directly ignores them.
        carrierOptions: {
          com: 'zhongtong',
          interceptType: 'MODIFY_ADDR',
          interceptPayType: 'CONSIGNEE',
          orderRole: '2',
          partnerId: 'SOMEONE-ELSE',
        },
      }),
    );
    expect(JSON.parse(formOf(server.calls[0]?.body ?? '').param ?? '')).toMatchObject({
      interceptType: 'RETURN_SEND_STATION',
      interceptPayType: 'SHIPPER',
      orderRole: '3',
      partnerId: 'ZTO-ACCOUNT-1',
    });
  });

  it('refuses an unknown configured interceptType before sending anything', async () => {
    await expect(
      interceptKuaidi100Parcel(
        kuaidi100TestContext({
          credentials: { ...KUAIDI100_TEST_CREDENTIALS, interceptType: 'MODIFY_ADDR' },
        }),
        sampleRequests.intercept('78000000000100', { carrierOptions: { com: 'zhongtong' } }),
      ),
    ).rejects.toMatchObject({
      kind: 'invalid-request',
      field: 'interceptType',
      requestSent: false,
      message: expect.stringContaining('CARRIER_KUAIDI100_INTERCEPT_TYPE'),
    });
    expect(server.calls).toHaveLength(0);
  });

  it('still answers pending when the subscription after it fails', async () => {
    answerLabel(interceptAccepted);
    server.use(
      http.post(`${KUAIDI100_TEST_BASE_URL}/poll`, () => new HttpResponse(null, { status: 502 })),
    );
    const context = kuaidi100TestContext({ callbackUrl: CALLBACK_URL });
    const result = await interceptKuaidi100Parcel(
      context,
      sampleRequests.intercept('78000000000100', { carrierOptions: { com: 'zhongtong' } }),
    );
    expect(result.outcome).toBe('pending');
    expect(context.logs.map((line) => line.level)).toContain('warn');
  });

  it.each([
    [
      'a refusal (500) for a delivered parcel',
      interceptRefused,
      { kind: 'not-eligible', reason: 'delivered', carrierCode: '500' },
    ],
    [
      'a refusal (500) for a parcel not picked up yet',
      { result: false, returnCode: '500', message: '快递公司返回：快件尚未揽收，无法拦截' },
      { kind: 'not-eligible', reason: 'not_picked_up', carrierCode: '500' },
    ],
    [
      'a refusal (500) the message does not explain',
      { result: false, returnCode: '500', message: '配送公司返回异常' },
      { kind: 'not-eligible', reason: 'carrier_refused', carrierCode: '500' },
    ],
    [
      'an unknown waybill (500 不存在)',
      { result: false, returnCode: '500', message: '运单不存在' },
      { kind: 'not-found' },
    ],
    [
      'a duplicate (501)',
      { result: false, returnCode: '501', message: '重复提交' },
      { kind: 'not-eligible', reason: 'already_intercepted' },
    ],
    [
      'a bad signature (503)',
      { result: false, returnCode: '503', message: '验证签名失败' },
      { kind: 'authentication' },
    ],
    [
      'bad parameters (400)',
      { result: false, returnCode: '400', message: '参数错误' },
      { kind: 'invalid-request', field: 'param' },
    ],
  ])('classifies %s', async (_case, body, expected) => {
    answerLabel(body);
    await expect(
      interceptKuaidi100Parcel(
        kuaidi100TestContext(),
        sampleRequests.intercept('78000000000100', { carrierOptions: { com: 'zhongtong' } }),
      ),
    ).rejects.toMatchObject(expected);
  });
});

describe('redirectKuaidi100Parcel', () => {
  it('sends MODIFY_ADDR with the new recipient as one printed address', async () => {
    answerLabel(interceptAccepted);
    const result = await redirectKuaidi100Parcel(
      kuaidi100TestContext(),
      sampleRequests.redirect('JT0000000000500', {
        reference: 'rdr_unit_1',
        carrierOptions: { com: 'jtexpress' },
      }),
    );
    expect(result.outcome).toBe('pending');
    const param = JSON.parse(formOf(server.calls[0]?.body ?? '').param ?? '');
    expect(param).toMatchObject({
      interceptPayType: 'MONTHLY',
      orderRole: '1',
      kuaidicom: 'jtexpress',
      kuaidinum: 'JT0000000000500',
      orderId: 'rdr_unit_1',
      interceptType: 'MODIFY_ADDR',
      recManInfo: {
        name: '李雷',
        mobile: '13800138000',
        printAddr: '上海市浦东新区世纪大道100号8楼801室',
      },
    });
  });
});
