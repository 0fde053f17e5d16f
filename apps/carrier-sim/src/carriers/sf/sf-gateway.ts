import type { CarrierRequest, CarrierWorld } from '../carrier-module.ts';
import type { CarrierResponse } from '../carrier-response.ts';
import { sfBusinessError, sfGatewayError } from './sf-envelope.ts';
import { handleSfRouteQuery } from './sf-routes.ts';
import type { SfServiceRequest } from './sf-service.ts';
import { isSfDigestValid } from './sf-signature.ts';
import { handleSfWantedIntercept } from './sf-wanted-intercept.ts';

/** The simulator's partner account: partnerID and the checkword it signs with. */
export const SF_SIM_PARTNER_ID = 'PARCELGATE_SIM';
export const SF_SIM_CHECKWORD = 'sfsim-checkword-0001';
/** A partner that exists but may call no service (A1004). */
export const SF_SIM_NO_ACCESS_PARTNER_ID = 'PARCELGATE_NOACCESS';

/** The checkword of every fixed partner the simulator knows. */
const CHECKWORDS: ReadonlyMap<string, string> = new Map([
  [SF_SIM_PARTNER_ID, SF_SIM_CHECKWORD],
  [SF_SIM_NO_ACCESS_PARTNER_ID, 'sfsim-checkword-noaccess'],
]);

/** Further partners, one per tenant in tests: `PARCELGATE_SIM_<suffix>`. */
const MORE_PARTNERS = /^PARCELGATE_SIM_([A-Z0-9]{1,32})$/;

/**
 * The checkword of a partner the simulator knows, undefined for any other: the fixed
 * partners above, and every `PARCELGATE_SIM_<suffix>` (suffix of 1 to 32 upper-case
 * letters and digits) with its own checkword `sfsim-checkword-<suffix>`, so a request
 * signed with another partner's checkword fails as it would at SF (A1006).
 */
export function sfSimCheckword(partnerId: string): string | undefined {
  const suffix = MORE_PARTNERS.exec(partnerId)?.[1];
  return suffix === undefined ? CHECKWORDS.get(partnerId) : `sfsim-checkword-${suffix}`;
}

const REQUIRED_FIELDS = [
  'partnerID',
  'requestID',
  'serviceCode',
  'timestamp',
  'msgDigest',
  'msgData',
];

/**
 * `POST /std/service`: SF's one gateway. Checks the form the way SF's gateway does
 * (A1001 a required field missing, A1004 an unknown partner or one without access, A1006
 * a wrong msgDigest) before the service sees anything. The digest is checked against the
 * timestamp exactly as sent, so seconds and milliseconds both verify; the simulator does
 * not check its age (its clock is simulated, the client's is real).
 */
export function handleSfGateway(request: CarrierRequest, world: CarrierWorld): CarrierResponse {
  const form = new URLSearchParams(request.body.toString('utf8'));
  for (const field of REQUIRED_FIELDS) {
    if ((form.get(field) ?? '') === '') {
      return sfGatewayError('A1001', `必传参数不可为空: ${field}`);
    }
  }
  const partnerId = form.get('partnerID') ?? '';
  const checkword = sfSimCheckword(partnerId);
  if (checkword === undefined) {
    return sfGatewayError('A1004', '无对应服务权限');
  }
  const msgData = form.get('msgData') ?? '';
  if (
    !isSfDigestValid(form.get('msgDigest') ?? '', msgData, form.get('timestamp') ?? '', checkword)
  ) {
    return sfGatewayError('A1006', '数字签名无效');
  }
  if (partnerId === SF_SIM_NO_ACCESS_PARTNER_ID) {
    return sfGatewayError('A1004', '无对应服务权限');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(msgData);
  } catch {
    return sfBusinessError('1010', '业务数据报文格式错误: msgData 不是 JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return sfBusinessError('1010', '业务数据报文格式错误: msgData 不是对象');
  }
  const service: SfServiceRequest = {
    partnerId,
    serviceCode: form.get('serviceCode') ?? '',
    msgData: parsed as Record<string, unknown>,
  };
  switch (service.serviceCode) {
    case 'EXP_RECE_SEARCH_ROUTES':
      return handleSfRouteQuery(service, world);
    case 'EXP_RECE_WANTED_INTERCEPT':
      return handleSfWantedIntercept(service, world);
    default:
      return sfGatewayError('A1004', `无对应服务权限: ${service.serviceCode}`);
  }
}
