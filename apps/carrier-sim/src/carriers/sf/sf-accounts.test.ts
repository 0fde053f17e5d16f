import { describe, expect, it } from 'vitest';
import { useSimulator } from '../../test-support/sim-harness.ts';
import { SF_SIM_CHECKWORD, SF_SIM_PARTNER_ID, sfSimCheckword } from './sf-gateway.ts';
import { sfMsgDigest } from './sf-signature.ts';
import { sfRecipientPhoneDigits } from './sf-tracking-number.ts';

const sim = useSimulator({ seed: 'sf-accounts' });

const OWNER = 'PARCELGATE_SIM_A';
const OTHER = 'PARCELGATE_SIM_B';

interface SfAnswer {
  readonly apiResultCode: string;
  readonly apiErrorMsg: string;
  readonly apiResultData: string | null;
}

async function post(
  partnerId: string,
  serviceCode: string,
  msgData: unknown,
  checkword = sfSimCheckword(partnerId) ?? '',
) {
  const text = JSON.stringify(msgData);
  const timestamp = '1795660800';
  const form = new URLSearchParams({
    partnerID: partnerId,
    requestID: 'b1c0ffee-0000-4000-8000-000000000002',
    serviceCode,
    timestamp,
    msgDigest: sfMsgDigest(text, timestamp, checkword),
    msgData: text,
  });
  const answer = await sim.request<SfAnswer>('POST', '/sf/std/service', form.toString(), {
    'content-type': 'application/x-www-form-urlencoded',
  });
  const data = answer.body.apiResultData;
  return {
    code: answer.body.apiResultCode,
    message: answer.body.apiErrorMsg,
    data:
      data === null
        ? undefined
        : (JSON.parse(data) as { success: boolean; errorCode: string; msgData: unknown }),
  };
}

async function routesOf(partnerId: string, waybill: string, checkPhoneNo?: string) {
  const answer = await post(partnerId, 'EXP_RECE_SEARCH_ROUTES', {
    trackingType: '1',
    trackingNumber: [waybill],
    ...(checkPhoneNo === undefined ? {} : { checkPhoneNo }),
  });
  const msgData = answer.data?.msgData as { routeResps: { routes: unknown[] }[] };
  return msgData.routeResps[0]?.routes ?? [];
}

function wantedIntercept(partnerId: string, waybillNo: string, serviceCode: '1' | '2') {
  return post(partnerId, 'EXP_RECE_WANTED_INTERCEPT', {
    waybillNo,
    serviceCode,
    role: '1',
    payMode: '1',
    newDestAddress: { province: '广东省', city: '深圳市', address: '南山区科技园1号' },
  });
}

describe('sf accounts (the partnerID is the account)', () => {
  it('knows a checkword per PARCELGATE_SIM_<suffix> partner, and a foreign checkword fails (A1006)', async () => {
    expect(sfSimCheckword(SF_SIM_PARTNER_ID)).toBe(SF_SIM_CHECKWORD);
    expect(sfSimCheckword(OTHER)).toBe('sfsim-checkword-B');
    expect(sfSimCheckword('PARCELGATE_SIM_lower')).toBeUndefined();
    const waybill = await sim.createParcel({ carrier: 'sf', status: 'in_transit' });
    const query = { trackingType: '1', trackingNumber: [waybill] };
    expect((await post(OTHER, 'EXP_RECE_SEARCH_ROUTES', query)).code).toBe('A1000');
    expect((await post(OTHER, 'EXP_RECE_SEARCH_ROUTES', query, sfSimCheckword(OWNER))).code).toBe(
      'A1006',
    );
  });

  it("shows another partner's waybill routes only with checkPhoneNo, and refuses its wanted intercept with A1004", async () => {
    const waybill = await sim.createParcel({ carrier: 'sf', status: 'in_transit', account: OWNER });

    expect(await routesOf(OWNER, waybill)).not.toEqual([]);
    expect(await routesOf(OTHER, waybill)).toEqual([]);
    expect(await routesOf(OTHER, waybill, '0000')).toEqual([]);
    expect(await routesOf(OTHER, waybill, sfRecipientPhoneDigits(waybill))).not.toEqual([]);

    for (const serviceCode of ['2', '1'] as const) {
      const refused = await wantedIntercept(OTHER, waybill, serviceCode);
      expect(refused).toEqual({ code: 'A1004', message: '无对应服务权限', data: undefined });
    }

    const parcel = await sim.parcel(waybill, 'sf');
    expect(parcel.intercept).toBeNull();
    expect(parcel.redirects).toEqual([]);
    expect(parcel.calls).toEqual({ track: 4, intercept: 1, redirect: 1 });
    expect(parcel.callsByAccount).toEqual({
      [OWNER]: { track: 1, intercept: 0, redirect: 0 },
      [OTHER]: { track: 3, intercept: 1, redirect: 1 },
    });
  });

  it("lets the partner that shipped the waybill intercept it; a waybill without an account is anyone's", async () => {
    const owned = await sim.createParcel({ carrier: 'sf', status: 'in_transit', account: OWNER });
    const accepted = await wantedIntercept(OWNER, owned, '2');
    expect(accepted.code).toBe('A1000');
    expect(accepted.data).toMatchObject({ success: true });

    const open = await sim.createParcel({ carrier: 'sf', status: 'in_transit' });
    expect(await routesOf(OTHER, open)).not.toEqual([]);
    expect((await wantedIntercept(OTHER, open, '1')).data).toMatchObject({ success: true });
  });
});
