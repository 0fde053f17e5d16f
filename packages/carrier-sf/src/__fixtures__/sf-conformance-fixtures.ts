import type { CarrierFixtures, FixtureAnswer } from '@parcelgate/carrier-testkit';
import { SF_STATUS_CODES } from '../map-sf-status.ts';

/** An SF answer as the gateway sends it: HTTP 200, the service answer JSON-encoded inside. */
export function sfAnswer(inner: unknown, apiResultCode = 'A1000', apiErrorMsg = ''): Response {
  return new Response(
    JSON.stringify({
      apiErrorMsg,
      apiResponseID: '000173744CA0EE3FEFF1EEFC90D1E13F',
      apiResultCode,
      apiResultData: inner === undefined ? null : JSON.stringify(inner),
    }),
    { status: 200, headers: { 'content-type': 'application/json;charset=UTF-8' } },
  );
}

/** `success: true` with `msgData`. */
export function sfOk(msgData: unknown): Response {
  return sfAnswer({ success: true, errorCode: 'S0000', errorMsg: null, msgData });
}

/** The form fields of an SF request, with msgData parsed. */
export async function readSfForm(
  request: Request,
): Promise<{ serviceCode: string; msgData: Record<string, unknown>; fields: URLSearchParams }> {
  const fields = new URLSearchParams(await request.text());
  const parsed: unknown = JSON.parse(fields.get('msgData') ?? '{}');
  return {
    serviceCode: fields.get('serviceCode') ?? '',
    msgData:
      typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {},
    fields,
  };
}

/** Routes leading to `lastOpCode`, shaped like SF's route query sample. */
function routesEndingWith(lastOpCode: string): unknown[] {
  const earlier = ['50', '30', '36', '31'].filter((code) => code !== lastOpCode);
  const codes = SF_STATUS_CODES.includes(lastOpCode as (typeof SF_STATUS_CODES)[number])
    ? [...earlier, lastOpCode]
    : earlier;
  return codes.map((opCode, index) => ({
    acceptTime: `2026-11-25 ${String(8 + index).padStart(2, '0')}:15:00`,
    acceptAddress: '深圳市',
    remark: `route ${opCode}`,
    opCode,
  }));
}

const UNKNOWN_WAYBILL = (): FixtureAnswer =>
  sfAnswer({ success: false, errorCode: '8018', errorMsg: '运单不存在', msgData: null });

/** The msw fixtures the conformance kit plays SF with. */
export const sfConformanceFixtures: CarrierFixtures = {
  trackingNumber: (sequence) => `SF${String(1_000_000_000_000 + sequence)}`,
  track: {
    request: async (request) => {
      const { serviceCode, msgData } = await readSfForm(request);
      const numbers = msgData.trackingNumber;
      return serviceCode === 'EXP_RECE_SEARCH_ROUTES' && Array.isArray(numbers)
        ? String(numbers[0])
        : undefined;
    },
    success: (trackingNumber, statusCode) =>
      sfOk({
        routeResps: [{ mailNo: trackingNumber, routes: routesEndingWith(statusCode ?? '31') }],
      }),
    // SF answers an unknown waybill with no routes, not with an error.
    notFound: (trackingNumber) => sfOk({ routeResps: [{ mailNo: trackingNumber, routes: [] }] }),
  },
  intercept: {
    request: wantedIntercept('2', false),
    success: () => sfOk({ cusId: 'SFI000000017' }),
    notFound: UNKNOWN_WAYBILL,
  },
  redirect: {
    request: wantedIntercept('1', false),
    success: () => sfOk({ cusId: 'SFI000000018', amount: '12.00' }),
    notFound: UNKNOWN_WAYBILL,
  },
  cancelIntercept: {
    request: wantedIntercept('2', true),
    success: () => sfOk({ cusId: 'SFI000000017' }),
    notFound: UNKNOWN_WAYBILL,
  },
  cancelRedirect: {
    request: wantedIntercept('1', true),
    success: () => sfOk({ cusId: 'SFI000000018' }),
    notFound: UNKNOWN_WAYBILL,
  },
};

/**
 * Matches `EXP_RECE_WANTED_INTERCEPT` for one instruction (serviceCode 2 退回, 1 转寄),
 * an instruction itself or, with `cancel`, its withdrawal (`cancel: true`).
 */
function wantedIntercept(instruction: '1' | '2', cancel: boolean) {
  return async (request: Request): Promise<string | undefined> => {
    const { serviceCode, msgData } = await readSfForm(request);
    return serviceCode === 'EXP_RECE_WANTED_INTERCEPT' &&
      msgData.serviceCode === instruction &&
      (msgData.cancel === true) === cancel
      ? String(msgData.waybillNo)
      : undefined;
  };
}
