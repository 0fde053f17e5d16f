import { createHash } from 'node:crypto';
import { createCarrierTestServer } from '@parcelgate/carrier-testkit';
import { HttpResponse, http, type JsonBodyType } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  formOf,
  KUAIDI100_TEST_BASE_URL,
  KUAIDI100_TEST_CREDENTIALS,
  KUAIDI100_TEST_HOSTS,
  kuaidi100TestContext,
} from '../test/support/kuaidi100-unit.ts';
import queryBadSign from './__fixtures__/query-bad-sign.json' with { type: 'json' };
import queryInTransit from './__fixtures__/query-in-transit.json' with { type: 'json' };
import queryNoResult from './__fixtures__/query-no-result.json' with { type: 'json' };
import { kuaidi100Carrier } from './kuaidi100-carrier.ts';
import { verifyKuaidi100Credentials } from './kuaidi100-verify-credentials.ts';

const server = createCarrierTestServer();
const QUERY_URL = `${KUAIDI100_TEST_BASE_URL}/poll/query.do`;
const LABEL_URL = `${KUAIDI100_TEST_HOSTS.label}/label/order`;
const EMPTY_PARAM_REFUSED = { result: false, returnCode: '400', message: '参数错误' };
const md5 = (text: string) => createHash('md5').update(text).digest('hex').toUpperCase();

function answer(url: string, body: JsonBodyType, status = 200): void {
  server.use(http.post(url, () => HttpResponse.json(body, { status })));
}

async function failure(ctx = kuaidi100TestContext()): Promise<unknown> {
  return verifyKuaidi100Credentials(ctx).then(
    () => {
      throw new Error('expected verifyKuaidi100Credentials to reject');
    },
    (error: unknown) => error,
  );
}

describe('verifyKuaidi100Credentials', () => {
  it('signs a query and an empty label-API call, each on its own host, and resolves', async () => {
    answer(QUERY_URL, queryNoResult);
    answer(LABEL_URL, EMPTY_PARAM_REFUSED);
    await expect(verifyKuaidi100Credentials(kuaidi100TestContext())).resolves.toBeUndefined();
    const { customer, key, secret } = KUAIDI100_TEST_CREDENTIALS;

    const [query, label] = server.calls;
    expect(server.calls).toHaveLength(2);
    expect(query?.url.href).toBe(QUERY_URL);
    const queryForm = formOf(query?.body ?? '');
    expect(queryForm).toEqual({
      customer,
      param: '{"com":"zhongtong","num":"780000000000000"}',
      sign: md5(`{"com":"zhongtong","num":"780000000000000"}${key}${customer}`),
    });

    expect(label?.url.href).toBe(`${LABEL_URL}?method=interceptOrder`);
    const labelForm = formOf(label?.body ?? '');
    expect(labelForm).toEqual({
      method: 'interceptOrder',
      key,
      t: String(Date.parse('2026-11-26T01:00:00.000Z')),
      sign: md5(`{}${labelForm.t}${key}${secret}`),
      param: '{}',
    });
  });

  it('is what the adapter declares as verifyCredentials', () => {
    expect(kuaidi100Carrier.verifyCredentials).toBe(verifyKuaidi100Credentials);
  });

  it('takes a result for the probe number as accepted too', async () => {
    answer(QUERY_URL, queryInTransit);
    answer(LABEL_URL, EMPTY_PARAM_REFUSED);
    await expect(verifyKuaidi100Credentials(kuaidi100TestContext())).resolves.toBeUndefined();
  });

  it.each([
    ['a bad signature', queryBadSign],
    ['an unknown key', { result: false, returnCode: '600', message: '您不是合法的用户' }],
    ['an expired key', { result: false, returnCode: '601', message: 'key已过期' }],
    ['an unknown customer', { result: false, returnCode: '400', message: '找不到对应公司' }],
  ])('refuses %s on the query, and stops there', async (_label, body) => {
    answer(QUERY_URL, body);
    const error = await failure();
    expect(error).toMatchObject({
      kind: 'authentication',
      carrierCode: body.returnCode,
      requestSent: true,
      message: expect.stringContaining('refused the customer id and key (real-time query)'),
    });
    expect(server.calls).toHaveLength(1);
  });

  it.each([
    ['a bad signature (wrong secret)', '503', '验证签名失败'],
    ['an unknown key', '600', '您不是合法的用户（即授权Key出错）'],
  ])('refuses %s on the label API after an accepted query', async (_label, returnCode, message) => {
    answer(QUERY_URL, queryNoResult);
    answer(LABEL_URL, { result: false, returnCode, message });
    const error = await failure();
    expect(error).toMatchObject({
      kind: 'authentication',
      carrierCode: returnCode,
      message: `kuaidi100 refused the key and secret (label API, used by intercepts and redirects) (returnCode ${returnCode}): ${message}`,
    });
    expect(String(error)).not.toContain(KUAIDI100_TEST_CREDENTIALS.secret);
  });

  it('takes a refusal of the empty probe for its content (500) as accepted too', async () => {
    answer(QUERY_URL, queryNoResult);
    answer(LABEL_URL, { result: false, returnCode: '500', message: '快递公司返回：运单不存在' });
    await expect(verifyKuaidi100Credentials(kuaidi100TestContext())).resolves.toBeUndefined();
  });

  it('cannot tell when the label API is busy or answers an unknown code', async () => {
    answer(QUERY_URL, queryNoResult);
    answer(LABEL_URL, { result: false, returnCode: '502', message: '服务器繁忙' });
    expect(await failure()).toMatchObject({ kind: 'retryable', carrierCode: '502' });
    answer(LABEL_URL, { result: false, returnCode: '999', message: '?' });
    expect(await failure()).toMatchObject({ kind: 'retryable', carrierCode: '999' });
  });

  it('warns, yet accepts, when the label API takes the empty probe', async () => {
    answer(QUERY_URL, queryNoResult);
    answer(LABEL_URL, { result: true, returnCode: '200', message: '提交成功' });
    const ctx = kuaidi100TestContext();
    await verifyKuaidi100Credentials(ctx);
    expect(ctx.logs).toEqual([
      { level: 'warn', message: 'kuaidi100 answered the empty interceptOrder probe with success' },
    ]);
  });

  it('cannot tell when Kuaidi100 is busy, behind a failing proxy or garbled', async () => {
    answer(QUERY_URL, { result: false, returnCode: '502', message: '服务器繁忙' });
    expect(await failure()).toMatchObject({ kind: 'retryable', carrierCode: '502' });
    server.use(http.post(QUERY_URL, () => new HttpResponse('<html>502</html>', { status: 502 })));
    expect(await failure()).toMatchObject({ kind: 'retryable', httpStatus: 502 });
    server.use(http.post(QUERY_URL, () => new HttpResponse('{"trunc', { status: 200 })));
    expect(await failure()).toMatchObject({ kind: 'retryable', httpStatus: 200 });
    answer(QUERY_URL, { message: 'ok', status: '200' });
    expect(await failure()).toMatchObject({ kind: 'retryable' });
  });

  it('classifies a connection dropped on the label probe as retryable: it changes nothing', async () => {
    answer(QUERY_URL, queryNoResult);
    server.use(http.post(LABEL_URL, () => HttpResponse.error()));
    expect(await failure()).toMatchObject({ kind: 'retryable' });
  });

  it('rejects with the signal reason when the budget runs out', async () => {
    answer(QUERY_URL, queryNoResult);
    const budget = new Error('latency budget exhausted');
    const ctx = { ...kuaidi100TestContext(), signal: AbortSignal.abort(budget) };
    expect(await failure(ctx)).toBe(budget);
  });

  it('refuses without sending when the label secret is not configured', async () => {
    const { customer, key } = KUAIDI100_TEST_CREDENTIALS;
    const error = await failure(kuaidi100TestContext({ credentials: { customer, key } }));
    expect(error).toMatchObject({ kind: 'authentication', requestSent: false });
    expect(String(error)).toContain('CARRIER_KUAIDI100_SECRET');
    expect(server.calls).toEqual([]);
  });
});
