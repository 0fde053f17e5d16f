import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import queryInTransit from './__fixtures__/query-in-transit.json' with { type: 'json' };
import { kuaidi100Callbacks } from './kuaidi100-callbacks.ts';

const SALT = 'kd100_callback_salt_2024';
const ctx = {
  credentials: { salt: SALT },
  logger: { debug() {}, info() {}, warn() {}, error() {} },
  clock: { now: () => new Date('2026-11-26T01:00:00Z') },
};

function signed(param: unknown, salt = SALT, extra: Record<string, string> = {}): string {
  const text = typeof param === 'string' ? param : JSON.stringify(param);
  const sign = createHash('md5')
    .update(text + salt)
    .digest('hex')
    .toUpperCase();
  return new URLSearchParams({ param: text, sign, ...extra }).toString();
}

function handle(rawBody: string) {
  return kuaidi100Callbacks.handle(ctx, {
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    query: {},
    rawBody,
  });
}

const ACK = {
  status: 200,
  contentType: 'application/json; charset=utf-8',
  body: '{"result":true,"returnCode":"200","message":"成功"}',
};

describe('kuaidi100 callbacks', () => {
  it('reads a subscription push into events for its parcel and acknowledges it', async () => {
    const result = await handle(
      signed({ status: 'polling', billstatus: 'got', message: '', lastResult: queryInTransit }),
    );
    expect(result.acknowledgement).toEqual(ACK);
    expect(result.outcomes).toEqual([]);
    expect(
      result.events.map(({ trackingNumber, event }) => [trackingNumber, event.status]),
    ).toEqual([
      ['YT1234567890123', 'picked_up'],
      ['YT1234567890123', 'in_transit'],
    ]);
  });

  it('reads an intercept result into an outcome referenced by our orderId', async () => {
    const result = await handle(
      signed({
        kuaidicom: 'zhongtong',
        kuaidinum: '78000000000100',
        orderId: 'icp_abc',
        taskId: 'T1',
        interceptType: 'RETURN_SEND_ADDR',
        interceptStatus: 'SUCCESS',
        message: '拦截成功',
      }),
    );
    expect(result.events).toEqual([]);
    expect(result.outcomes).toEqual([
      {
        operation: 'intercept',
        trackingNumber: '78000000000100',
        reference: 'icp_abc',
        result: { outcome: 'accepted', carrierReference: 'T1', message: '拦截成功' },
      },
    ]);
  });

  it.each([
    [{ status: 'FAIL', message: '拦截失败：已派送' }, 'intercept', 'rejected'],
    [{ result: false, message: '快件已签收' }, 'intercept', 'rejected'],
    [{ data: { status: '20' } }, 'intercept', 'accepted'],
    [{ message: '改址成功', interceptType: 'MODIFY_ADDR' }, 'redirect', 'accepted'],
    [{ success: true, recManInfo: { name: '李雷' } }, 'redirect', 'accepted'],
  ])('tolerates the plausible shape %j', async (fields, operation, outcome) => {
    const result = await handle(signed({ kuaidinum: '78000000000100', orderid: 'x_1', ...fields }));
    expect(result.outcomes).toMatchObject([
      { operation, trackingNumber: '78000000000100', reference: 'x_1', result: { outcome } },
    ]);
  });

  it('gives no outcome for an intercept still in progress', async () => {
    const result = await handle(signed({ kuaidinum: '78000000000100', message: '拦截中' }));
    expect(result.outcomes).toEqual([]);
  });

  it.each([
    ['a wrong salt', signed({ kuaidinum: '1', status: 'SUCCESS' }, 'not-the-salt')],
    ['no sign', new URLSearchParams({ param: '{}' }).toString()],
    [
      'a param changed after signing',
      signed('{"kuaidinum":"1","status":"FAIL"}').replace('FAIL', 'SUCCESS'),
    ],
  ])('refuses %s as an authentication failure', async (_case, body) => {
    await expect(handle(body)).rejects.toMatchObject({ kind: 'authentication' });
  });

  it('refuses a push when no salt is configured', async () => {
    await expect(
      kuaidi100Callbacks.handle(
        { ...ctx, credentials: {} },
        { headers: {}, query: {}, rawBody: signed({ kuaidinum: '1' }) },
      ),
    ).rejects.toMatchObject({ kind: 'authentication' });
  });

  it.each([
    ['no param', new URLSearchParams({ sign: 'ABC' }).toString(), 'param'],
    ['a param that is not JSON', signed('not json'), 'param'],
    ['no tracking number', signed({ status: 'SUCCESS' }), 'param.kuaidinum'],
    ['no verdict', signed({ kuaidinum: '1' }), 'param.interceptStatus'],
    ['a lastResult without data', signed({ lastResult: { nu: '1' } }), 'param.lastResult'],
  ])('refuses a push with %s as invalid', async (_case, body, field) => {
    await expect(handle(body)).rejects.toMatchObject({ kind: 'invalid-request', field });
  });
});
