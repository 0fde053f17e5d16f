import { CarrierInvalidRequestError, type UnderlyingCarrier } from '@parcelgate/carrier-kit';
import { KUAIDI100_CARRIER_ID } from './kuaidi100-request.ts';

/**
 * Names of the carriers most parcels go through, by Kuaidi100 company code (快递公司编码,
 * always lower case; Kuaidi100's full list is a download in its portal). Codes not listed
 * still work: they are passed through, only without a name.
 */
export const KUAIDI100_COMPANY_NAMES: Readonly<Record<string, string>> = {
  zhongtong: '中通快递',
  yuantong: '圆通速递',
  jtexpress: '极兔速递',
  yunda: '韵达快递',
  shentong: '申通快递',
  shunfeng: '顺丰速运',
  shunfengkuaiyun: '顺丰快运',
  fengwang: '丰网速运',
  ems: 'EMS',
  youzhengguonei: '邮政快递包裹',
  jd: '京东物流',
  debangkuaidi: '德邦快递',
  debangwuliu: '德邦物流',
  huitongkuaidi: '百世快递',
};

/**
 * Companies whose numbers Kuaidi100 answers only with the sender's or recipient's phone
 * ("顺丰速运、顺丰快运和丰网速运必填"): the query is refused (returnCode 408) without it.
 */
export const PHONE_REQUIRED_COMPANIES: ReadonlySet<string> = new Set([
  'shunfeng',
  'shunfengkuaiyun',
  'fengwang',
]);

const COMPANY_CODE = /^[a-z0-9_]{2,40}$/;

/** The underlying carrier of a company code, named when the code is a known one. */
export function underlyingCarrierOf(code: string): UnderlyingCarrier {
  const name = KUAIDI100_COMPANY_NAMES[code];
  return name === undefined ? { code } : { code, name };
}

/**
 * The company code the caller passed as `carrierOptions.com`, validated, or undefined
 * when none was passed. A malformed one is refused before anything is sent.
 */
export function readCompanyOption(
  carrierOptions: Readonly<Record<string, string>> | undefined,
): string | undefined {
  const raw = carrierOptions?.com;
  if (raw === undefined || raw.trim() === '') {
    return undefined;
  }
  const code = raw.trim().toLowerCase();
  if (!COMPANY_CODE.test(code)) {
    throw new CarrierInvalidRequestError({
      carrierId: KUAIDI100_CARRIER_ID,
      message: `kuaidi100: "${raw}" is not a Kuaidi100 company code (lower-case letters, e.g. zhongtong)`,
      field: 'carrierOptions.com',
      requestSent: false,
    });
  }
  return code;
}
