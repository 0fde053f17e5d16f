import type { CarrierFixtures, FixtureAnswer } from '@parcelgate/carrier-testkit';
import { HttpResponse, http } from 'msw';
import { describeKuaidi100State } from '../map-kuaidi100-state.ts';
import autonumberYuantong from './autonumber-yuantong.json' with { type: 'json' };
import interceptAccepted from './intercept-accepted.json' with { type: 'json' };
import queryInTransit from './query-in-transit.json' with { type: 'json' };
import queryNoResult from './query-no-result.json' with { type: 'json' };

/** Where the msw conformance environment plays Kuaidi100; nothing leaves the machine. */
export const KUAIDI100_CONFORMANCE_BASE_URL = 'https://kuaidi100.conformance.test/kuaidi100';

/** A form body's `param` field, parsed. */
async function paramOf(request: Request): Promise<Record<string, unknown>> {
  const form = new URLSearchParams(await request.text());
  return JSON.parse(form.get('param') ?? '{}') as Record<string, unknown>;
}

/** The tracking number of a form request to `path`, when its param passes `accept`. */
function formMatcher(
  path: string,
  numberField: string,
  accept: (param: Record<string, unknown>) => boolean,
): (request: Request) => Promise<string | undefined> {
  return async (request) => {
    if (request.method !== 'POST' || !new URL(request.url).pathname.endsWith(path)) {
      return undefined;
    }
    const param = await paramOf(request);
    const number = param[numberField];
    return typeof number === 'string' && accept(param) ? number : undefined;
  };
}

function accepted(): FixtureAnswer {
  return interceptAccepted;
}

/**
 * Kuaidi100 as the conformance kit's msw environment plays it, from the same wire
 * fixtures as the unit tests. Numbers are YTO-shaped; number recognition (a GET on
 * another path, not an operation of its own) always answers `yuantong`. An unknown
 * parcel is Kuaidi100's HTTP 200 with returnCode 500, never a 404.
 */
export const kuaidi100ConformanceFixtures: CarrierFixtures = {
  trackingNumber: (sequence) => `YT${String(sequence).padStart(13, '0')}`,
  handlers: [
    http.get(`${KUAIDI100_CONFORMANCE_BASE_URL}/autonumber/auto`, () =>
      HttpResponse.json(autonumberYuantong),
    ),
    // verifyCredentials' label probe: an interceptOrder naming no waybill, which Kuaidi100
    // refuses for its parameters once the signature passed. Any other call falls through.
    http.post(`${KUAIDI100_CONFORMANCE_BASE_URL}/label/order`, async ({ request }) =>
      (await paramOf(request.clone())).kuaidinum === undefined
        ? HttpResponse.json({ result: false, returnCode: '400', message: '参数错误' })
        : undefined,
    ),
  ],
  track: {
    request: formMatcher('/poll/query.do', 'num', () => true),
    success: (trackingNumber, statusCode) => {
      const base = { ...queryInTransit, nu: trackingNumber };
      if (statusCode === undefined) {
        return base;
      }
      const entry = describeKuaidi100State(statusCode);
      return {
        ...base,
        state: statusCode,
        data: [
          {
            time: '2026-11-26 08:30:00',
            ftime: '2026-11-26 08:30:00',
            context: entry?.meaning ?? `state ${statusCode}`,
            areaName: '上海,上海市',
            status: entry?.name ?? statusCode,
            statusCode,
          },
          ...queryInTransit.data,
        ],
      };
    },
    notFound: () => new Response(JSON.stringify(queryNoResult), { status: 200 }),
  },
  intercept: {
    request: formMatcher(
      '/label/order',
      'kuaidinum',
      (param) => param.interceptType !== 'MODIFY_ADDR',
    ),
    success: accepted,
    notFound: () =>
      new Response(JSON.stringify({ result: false, returnCode: '500', message: '运单不存在' }), {
        status: 200,
      }),
  },
  redirect: {
    request: formMatcher(
      '/label/order',
      'kuaidinum',
      (param) => param.interceptType === 'MODIFY_ADDR',
    ),
    success: accepted,
    notFound: () =>
      new Response(JSON.stringify({ result: false, returnCode: '500', message: '运单不存在' }), {
        status: 200,
      }),
  },
};
