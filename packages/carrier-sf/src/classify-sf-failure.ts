import {
  CarrierAuthenticationError,
  type CarrierError,
  CarrierInvalidRequestError,
  CarrierNotEligibleError,
  CarrierNotFoundError,
  CarrierOutcomeUnknownError,
  CarrierRateLimitedError,
  CarrierRetryableError,
} from '@parcelgate/carrier-kit';
import { SF_CARRIER_ID } from './sf-credentials.ts';

/** The SF calls this adapter makes. */
export type SfOperation =
  | 'track'
  | 'intercept'
  | 'redirect'
  | 'cancelIntercept'
  | 'cancelRedirect'
  | 'verifyCredentials';

/** Whether an operation only reads (a route query): its unclear failures are retryable. */
export function isSfRead(operation: SfOperation): boolean {
  return operation === 'track' || operation === 'verifyCredentials';
}

/** What the gateway's `apiResultCode` says, in this adapter's words. */
type GatewayVerdict =
  | 'authentication'
  | 'rate-limited'
  | 'invalid-request'
  | 'transient'
  | 'unknown';

/**
 * `apiResultCode` values other than `A1000` (丰桥 "公共响应参数"). A1004 (无对应服务权限)
 * and A1006 (数字签名无效) are confirmed from integrators' code; the others follow the
 * same table as clients reproduce it and are kept UNCONFIRMED (see README).
 */
const GATEWAY_CODES: Readonly<Record<string, GatewayVerdict>> = {
  A1001: 'authentication', // 必传参数不可为空: partnerID / msgDigest missing; clients treat it as auth
  A1002: 'transient', // 请求时效已过期: the timestamp is too old; a new request has a new one
  A1003: 'authentication', // IP 无效
  A1004: 'authentication', // 无对应服务权限: the service is not enabled for this partner
  A1005: 'rate-limited', // 流量受控
  A1006: 'authentication', // 数字签名无效: wrong checkword (or sandbox checkword in production)
  A1007: 'unknown', // 重复请求: the requestID was seen; whatever it did, it did
  A1008: 'authentication', // 数据解密失败
  A1009: 'transient', // 目标服务异常或不可达
  A1099: 'unknown', // 系统异常
};

/** SF's words for a waybill it does not know (运单不存在). */
const UNKNOWN_WAYBILL = /运单不存在|无此运单|运单号不存在/;

/** Refusal reasons by SF `errorCode` of a wanted intercept. */
const REFUSAL_CODES: Readonly<Record<string, string>> = {
  // 重复下单 / 重复操作: SF intercepts a waybill only once.
  '8016': 'already_intercepted',
};

/**
 * Refusal reasons read from SF's Chinese `errorMsg`, for refusals whose codes SF does not
 * publish: SF only intercepts "after pickup and before successful delivery" (快递管家).
 */
const REFUSAL_WORDS: readonly (readonly [RegExp, string])[] = [
  [/已拦截|重复|已有.*指令/, 'already_intercepted'],
  [/已签收|已妥投|妥投/, 'delivered'],
  [/派送中|派件中|已派送/, 'out_for_delivery'],
  [/未揽收|未收件|未取件/, 'not_picked_up'],
  [/退回|已退/, 'returning_or_returned'],
];

/** Classifies an `apiResultCode` other than `A1000`. */
export function classifySfGatewayCode(
  code: string,
  message: string | undefined,
  operation: SfOperation,
): CarrierError {
  const init = {
    carrierId: SF_CARRIER_ID,
    carrierCode: code,
    httpStatus: 200,
    message: `sf gateway answered ${code}${message === undefined ? '' : `: ${message}`}`,
  };
  switch (GATEWAY_CODES[code] ?? 'unknown') {
    case 'authentication':
      // The gateway refused before calling the service: nothing happened.
      return new CarrierAuthenticationError({ ...init, requestSent: true });
    case 'rate-limited':
      return new CarrierRateLimitedError({ ...init, requestSent: true });
    case 'invalid-request':
      return new CarrierInvalidRequestError({ ...init, requestSent: true });
    case 'transient':
      // Refused before reaching the service, so even a mutation is safe to send again.
      return new CarrierRetryableError({ ...init, requestSent: true });
    case 'unknown':
      return unknownOutcome(init, operation);
  }
}

/**
 * Classifies `apiResultData.success: false` by SF's `errorCode` families: `S…` codes are
 * SF's system errors (transient), `1xxx` reject a field of the request, anything else on an
 * intercept or redirect is a refusal (`8016` duplicate, and whatever SF answers for a
 * parcel outside the window), kept with SF's code and message; 运单不存在 is not-found.
 */
export function classifySfBusinessError(
  code: string | undefined,
  message: string | undefined,
  operation: SfOperation,
): CarrierError {
  const shown = code ?? 'no errorCode';
  const init = {
    carrierId: SF_CARRIER_ID,
    httpStatus: 200,
    requestSent: true,
    message: `sf refused the ${operation} (${shown})${message === undefined ? '' : `: ${message}`}`,
    ...(code === undefined ? {} : { carrierCode: code }),
  };
  if (code?.startsWith('S')) {
    return unknownOutcome(init, operation);
  }
  if (code !== undefined && /^1\d{3}$/.test(code)) {
    return new CarrierInvalidRequestError(init);
  }
  if (message !== undefined && UNKNOWN_WAYBILL.test(message)) {
    return new CarrierNotFoundError(init);
  }
  if (isSfRead(operation)) {
    return new CarrierInvalidRequestError({ ...init, field: 'trackingNumber' });
  }
  return new CarrierNotEligibleError({ ...init, reason: refusalReason(code, message) });
}

/** The domain reason of an SF refusal, `carrier_refused` when nothing tells. */
export function refusalReason(code: string | undefined, message: string | undefined): string {
  const byCode = code === undefined ? undefined : REFUSAL_CODES[code];
  if (byCode !== undefined) {
    return byCode;
  }
  for (const [words, reason] of REFUSAL_WORDS) {
    if (message !== undefined && words.test(message)) {
      return reason;
    }
  }
  return 'carrier_refused';
}

/** For reads a transient failure; for mutations SF may have acted, so the outcome is unknown. */
function unknownOutcome(
  init: { carrierId: string; message: string; carrierCode?: string; httpStatus: number },
  operation: SfOperation,
): CarrierError {
  return isSfRead(operation)
    ? new CarrierRetryableError({ ...init, requestSent: true })
    : new CarrierOutcomeUnknownError({ ...init, requestSent: true });
}
