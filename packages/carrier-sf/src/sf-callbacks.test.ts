import { createHash } from 'node:crypto';
import { isCarrierErrorOfKind } from '@parcelgate/carrier-kit';
import { describe, expect, it } from 'vitest';
import { sfCallbacks } from './sf-callbacks.ts';

const CHECKWORD = 'push-checkword-9c1';
const ctx = {
  credentials: { partnerId: 'PARTNER', checkword: CHECKWORD },
  logger: { debug() {}, info() {}, warn() {}, error() {} },
  clock: { now: () => new Date('2026-11-26T04:00:00Z') },
};

/** The digest from the published formula, computed here without the adapter's code. */
function sign(msgData: string, timestamp: string, checkword = CHECKWORD): string {
  const encoded = encodeURIComponent(msgData + timestamp + checkword)
    .replace(/[!'()~]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
  return createHash('md5').update(encoded, 'utf8').digest('base64');
}

function push(routes: unknown[], options: { digest?: string; plain?: boolean } = {}) {
  const msgData = JSON.stringify({ Body: { WaybillRoute: routes } });
  const timestamp = '1795660800';
  const digest =
    options.digest ??
    (options.plain === true
      ? createHash('md5')
          .update(msgData + timestamp + CHECKWORD, 'utf8')
          .digest('base64')
      : sign(msgData, timestamp));
  const rawBody = new URLSearchParams({
    partnerID: 'PARTNER',
    requestID: 'c0ffee00-0000-4000-8000-000000000001',
    serviceCode: 'RoutePushService',
    timestamp,
    msgDigest: digest,
    msgData,
  }).toString();
  return { headers: { 'content-type': 'application/x-www-form-urlencoded' }, query: {}, rawBody };
}

const route = (opCode: string, remark: string, acceptTime = '2026-11-26 10:00:00') => ({
  id: '1',
  mailno: 'SF1000000000001',
  orderid: 'ORD-1',
  acceptTime,
  acceptAddress: '深圳市',
  remark,
  opCode,
});

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

describe('sfCallbacks.handle', () => {
  it('verifies a signed route push and answers the acknowledgement SF expects', async () => {
    const result = await sfCallbacks.handle(ctx, push([route('50', '顺丰速运 已收取快件')]));
    expect(result.events).toEqual([
      {
        trackingNumber: 'SF1000000000001',
        event: {
          occurredAt: '2026-11-26T10:00:00+08:00',
          status: 'picked_up',
          description: '顺丰速运 已收取快件',
          location: { description: '深圳市', country: 'CN' },
          raw: { code: '50', description: '顺丰速运 已收取快件' },
        },
      },
    ]);
    expect(result.outcomes).toEqual([]);
    expect(result.acknowledgement).toEqual({
      status: 200,
      contentType: 'application/json;charset=UTF-8',
      body: '{"return_code":"0000","return_msg":"成功"}',
    });
  });

  it('also accepts the digest computed without URL encoding', async () => {
    const result = await sfCallbacks.handle(ctx, push([route('31', '到达')], { plain: true }));
    expect(result.events).toHaveLength(1);
  });

  it('refuses a push signed with another checkword as an authentication failure', async () => {
    const msgData = JSON.stringify({ Body: { WaybillRoute: [route('80', '已签收')] } });
    const error = await rejection(
      sfCallbacks.handle(
        ctx,
        push([route('80', '已签收')], { digest: sign(msgData, '1795660800', 'other') }),
      ),
    );
    expect(isCarrierErrorOfKind(error, 'authentication')).toBe(true);
  });

  it('refuses an unsigned JSON push', async () => {
    const error = await rejection(
      sfCallbacks.handle(ctx, {
        headers: { 'content-type': 'application/json' },
        query: {},
        rawBody: JSON.stringify({ Body: { WaybillRoute: [route('80', '已签收')] } }),
      }),
    );
    expect(isCarrierErrorOfKind(error, 'authentication')).toBe(true);
  });

  it('answers invalid-request for signed msgData that is not a route list', async () => {
    const msgData = '{"Body":{"Waybill":';
    const rawBody = new URLSearchParams({
      timestamp: '1',
      msgDigest: sign(msgData, '1'),
      msgData,
    }).toString();
    const error = await rejection(sfCallbacks.handle(ctx, { headers: {}, query: {}, rawBody }));
    expect(isCarrierErrorOfKind(error, 'invalid-request')).toBe(true);
  });

  it('turns a return and the sender signing for it into intercept outcomes', async () => {
    const result = await sfCallbacks.handle(
      ctx,
      push([
        route('631', '快件已退回', '2026-11-26 10:00:00'),
        route('80', '退回件已签收,签收人:寄件人', '2026-11-27 10:00:00'),
      ]),
    );
    expect(result.events.map(({ event }) => event.status)).toEqual([
      'return_in_transit',
      'returned',
    ]);
    expect(result.outcomes).toEqual([
      expect.objectContaining({
        operation: 'intercept',
        result: expect.objectContaining({ outcome: 'returning' }),
      }),
      expect.objectContaining({
        operation: 'intercept',
        result: expect.objectContaining({ outcome: 'returned' }),
      }),
    ]);
  });

  it('reads a lone 80 whose remark names the return as returned, a plain 80 as delivered', async () => {
    const returned = await sfCallbacks.handle(ctx, push([route('80', '退回件已签收')]));
    expect(returned.events[0]?.event.status).toBe('returned');
    const delivered = await sfCallbacks.handle(ctx, push([route('80', '已签收')]));
    expect(delivered.events[0]?.event.status).toBe('delivered');
    expect(delivered.outcomes).toEqual([
      expect.objectContaining({
        operation: 'redirect',
        result: expect.objectContaining({ outcome: 'redirected' }),
      }),
    ]);
  });
});
