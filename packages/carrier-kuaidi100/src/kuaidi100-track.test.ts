import { createHash } from 'node:crypto';
import { createCarrierTestServer } from '@parcelgate/carrier-testkit';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  formOf,
  KUAIDI100_TEST_BASE_URL,
  KUAIDI100_TEST_CREDENTIALS,
  KUAIDI100_TEST_HOSTS,
  kuaidi100TestContext,
} from '../test/support/kuaidi100-unit.ts';
import autonumberYuantong from './__fixtures__/autonumber-yuantong.json' with { type: 'json' };
import queryBadSign from './__fixtures__/query-bad-sign.json' with { type: 'json' };
import queryInTransit from './__fixtures__/query-in-transit.json' with { type: 'json' };
import queryNoResult from './__fixtures__/query-no-result.json' with { type: 'json' };
import queryPhoneCheck from './__fixtures__/query-phone-check.json' with { type: 'json' };
import { trackKuaidi100Parcel } from './kuaidi100-track.ts';

const server = createCarrierTestServer();
const QUERY_URL = `${KUAIDI100_TEST_BASE_URL}/poll/query.do`;

function answerQuery(body: Record<string, unknown>): void {
  server.use(http.post(QUERY_URL, () => HttpResponse.json(body)));
}

describe('trackKuaidi100Parcel', () => {
  it('posts the signed query form and reads the route oldest first, with the carrier behind it', async () => {
    answerQuery(queryInTransit);
    const snapshot = await trackKuaidi100Parcel(kuaidi100TestContext(), {
      trackingNumber: 'YT1234567890123',
      carrierOptions: { com: 'yuantong' },
    });

    const [call] = server.calls;
    expect(call?.url.href).toBe(QUERY_URL);
    expect(call?.headers['content-type']).toContain('application/x-www-form-urlencoded');
    const form = formOf(call?.body ?? '');
    expect(form.param).toBe('{"com":"yuantong","num":"YT1234567890123","resultv2":"4"}');
    expect(form.customer).toBe(KUAIDI100_TEST_CREDENTIALS.customer);
    const expectedSign = createHash('md5')
      .update(form.param + KUAIDI100_TEST_CREDENTIALS.key + KUAIDI100_TEST_CREDENTIALS.customer)
      .digest('hex')
      .toUpperCase();
    expect(form.sign).toBe(expectedSign);

    expect(snapshot).toMatchObject({
      carrierId: 'kuaidi100',
      trackingNumber: 'YT1234567890123',
      status: 'in_transit',
      underlyingCarrier: { code: 'yuantong', name: '圆通速递' },
    });
    expect(
      snapshot.events.map((event) => [event.occurredAt, event.status, event.raw.code]),
    ).toEqual([
      ['2026-11-25T18:40:12+08:00', 'picked_up', '1'],
      ['2026-11-25T21:03:51+08:00', 'in_transit', '0'],
    ]);
    expect(snapshot.events[0]?.location).toEqual({ description: '浙江,杭州市' });
  });

  it('sends the phone digits, and reads advanced state codes when Kuaidi100 sends them', async () => {
    answerQuery({
      ...queryInTransit,
      com: 'shunfeng',
      state: '501',
      data: [
        {
          ftime: '2026-11-26 08:00:00',
          context: '已投递至驿站',
          status: '派件',
          statusCode: '501',
        },
      ],
    });
    const snapshot = await trackKuaidi100Parcel(kuaidi100TestContext(), {
      trackingNumber: 'SF1234567890123',
      phoneLastDigits: '8000',
      carrierOptions: { com: 'shunfeng' },
    });
    expect(JSON.parse(formOf(server.calls[0]?.body ?? '').param ?? '')).toEqual({
      com: 'shunfeng',
      num: 'SF1234567890123',
      phone: '8000',
      resultv2: '4',
    });
    expect(snapshot.status).toBe('available_for_pickup');
    expect(snapshot.underlyingCarrier).toEqual({ code: 'shunfeng', name: '顺丰速运' });
  });

  it('reads a parcel still waiting for its pickup as label_created, not picked_up', async () => {
    answerQuery({
      ...queryInTransit,
      state: '102',
      data: [
        {
          ftime: '2026-11-26 09:10:00',
          context: '【杭州市】快递员将上门揽收',
          status: '待揽收',
          statusCode: '102',
        },
        {
          ftime: '2026-11-26 08:00:00',
          context: '【杭州市】商家已下单',
          status: '已下单',
          statusCode: '101',
        },
      ],
    });
    const snapshot = await trackKuaidi100Parcel(kuaidi100TestContext(), {
      trackingNumber: 'YT1234567890123',
      carrierOptions: { com: 'yuantong' },
    });
    expect(snapshot.status).toBe('label_created');
    expect(snapshot.events.map((event) => [event.raw.code, event.status])).toEqual([
      ['101', 'label_created'],
      ['102', 'label_created'],
    ]);
  });

  it('reads a bare 揽收 by its text when Kuaidi100 sends no advanced code', async () => {
    answerQuery({
      ...queryInTransit,
      state: '1',
      data: [
        {
          ftime: '2026-11-26 08:00:00',
          context: '商家已下单，等待快递员揽收',
          status: '揽收',
        },
      ],
    });
    const snapshot = await trackKuaidi100Parcel(kuaidi100TestContext(), {
      trackingNumber: 'YT1234567890123',
      carrierOptions: { com: 'yuantong' },
    });
    expect(snapshot.status).toBe('label_created');
    expect(snapshot.events[0]?.raw).toEqual({ code: '102', description: '揽收' });
  });

  it('refuses an SF parcel without phone digits before sending anything', async () => {
    await expect(
      trackKuaidi100Parcel(kuaidi100TestContext(), {
        trackingNumber: 'SF1234567890123',
        carrierOptions: { com: 'shunfeng' },
      }),
    ).rejects.toMatchObject({
      kind: 'invalid-request',
      field: 'phoneLastDigits',
      requestSent: false,
    });
    expect(server.calls).toEqual([]);
  });

  it('asks number recognition for the company when the caller names none', async () => {
    server.use(
      http.get(`${KUAIDI100_TEST_HOSTS.autonumber}/autonumber/auto`, () =>
        HttpResponse.json(autonumberYuantong),
      ),
    );
    answerQuery(queryInTransit);
    const snapshot = await trackKuaidi100Parcel(kuaidi100TestContext(), {
      trackingNumber: 'YT1234567890123',
    });
    const [recognition, query] = server.calls;
    expect(recognition?.url.origin).toBe(KUAIDI100_TEST_HOSTS.autonumber);
    expect(query?.url.href).toBe(QUERY_URL);
    expect(recognition?.url.searchParams.get('num')).toBe('YT1234567890123');
    expect(recognition?.url.searchParams.get('key')).toBe(KUAIDI100_TEST_CREDENTIALS.key);
    expect(JSON.parse(formOf(query?.body ?? '').param ?? '').com).toBe('yuantong');
    expect(snapshot.underlyingCarrier?.code).toBe('yuantong');
  });

  it('answers invalid-request on carrierOptions.com when recognition knows no company', async () => {
    server.use(
      http.get(`${KUAIDI100_TEST_HOSTS.autonumber}/autonumber/auto`, () => HttpResponse.json([])),
    );
    await expect(
      trackKuaidi100Parcel(kuaidi100TestContext(), { trackingNumber: 'ZZZ123' }),
    ).rejects.toMatchObject({ kind: 'invalid-request', field: 'carrierOptions.com' });
  });

  it.each([
    ['no result (500)', queryNoResult, { kind: 'not-found', carrierCode: '500' }],
    ['a bad signature (503)', queryBadSign, { kind: 'authentication', carrierCode: '503' }],
    [
      'a failed phone check (408)',
      queryPhoneCheck,
      { kind: 'invalid-request', field: 'phoneLastDigits' },
    ],
    [
      'an unknown company (400)',
      { result: false, returnCode: '400', message: '找不到对应公司' },
      { kind: 'invalid-request', field: 'carrierOptions.com' },
    ],
    [
      'a busy server (502)',
      { result: false, returnCode: '502', message: '服务器繁忙' },
      { kind: 'retryable' },
    ],
    [
      'an expired key (601)',
      { result: false, returnCode: '601', message: 'key已过期' },
      { kind: 'authentication', carrierCode: '601' },
    ],
  ])('classifies %s', async (_case, body, expected) => {
    answerQuery(body);
    await expect(
      trackKuaidi100Parcel(kuaidi100TestContext(), {
        trackingNumber: 'YT1234567890123',
        carrierOptions: { com: 'yuantong' },
      }),
    ).rejects.toMatchObject({ ...expected, httpStatus: 200, requestSent: true });
  });

  it('refuses a malformed company code without sending', async () => {
    await expect(
      trackKuaidi100Parcel(kuaidi100TestContext(), {
        trackingNumber: 'YT1234567890123',
        carrierOptions: { com: 'Yuan Tong!' },
      }),
    ).rejects.toMatchObject({ kind: 'invalid-request', field: 'carrierOptions.com' });
    expect(server.calls).toEqual([]);
  });
});
