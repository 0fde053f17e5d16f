import type { CarrierContext, InterceptReason } from '@parcelgate/carrier-kit';
import { parseJsonResponse } from '@parcelgate/carrier-kit/wire';
import {
  classifyKuaidi100Answer,
  classifyKuaidi100Failure,
  type Kuaidi100Operation,
} from './classify-kuaidi100-failure.ts';
import { readKuaidi100InterceptSettings } from './kuaidi100-intercept-settings.ts';
import {
  KUAIDI100_CARRIER_ID,
  KUAIDI100_ROUTES,
  postKuaidi100Form,
  readCredential,
} from './kuaidi100-request.ts';
import { signKuaidi100Label } from './kuaidi100-sign.ts';
import {
  type Kuaidi100LabelAccepted,
  parseKuaidi100LabelAccepted,
  readKuaidi100Error,
} from './kuaidi100-wire.ts';

/**
 * Kuaidi100's intercept types (`interceptType`, api.kuaidi100.com/document/dianzimiandanlanjie,
 * and the SDKs' InterceptOrderReq): back to the sender's station, back to the sender's
 * address, or a new address.
 */
export const KUAIDI100_INTERCEPT_TYPES = [
  'RETURN_SEND_STATION',
  'RETURN_SEND_ADDR',
  'MODIFY_ADDR',
] as const;

/** One of {@link KUAIDI100_INTERCEPT_TYPES}. */
export type Kuaidi100InterceptType = (typeof KUAIDI100_INTERCEPT_TYPES)[number];

/** Our reasons in the words Kuaidi100 forwards to the carrier's station (`reason`, free text). */
export const KUAIDI100_REASON_TEXT: Readonly<Record<InterceptReason, string>> = {
  buyer_cancelled: '买家取消订单',
  merchant_error: '商家发错货',
  logistics_exception: '物流异常',
  address_error: '收件地址有误',
  other: '其他原因',
};

/** The new recipient of an address change (`recManInfo`). */
export interface Kuaidi100Recipient {
  readonly name: string;
  readonly mobile: string;
  readonly printAddr: string;
}

/** What one `interceptOrder` call needs beyond credentials. */
export interface InterceptOrderCall {
  readonly operation: Extract<Kuaidi100Operation, 'intercept' | 'redirect'>;
  readonly com: string;
  readonly trackingNumber: string;
  /** Our intercept or redirect id; Kuaidi100 echoes it in its result callback. */
  readonly orderId: string;
  readonly interceptType: Kuaidi100InterceptType;
  readonly reason: string;
  readonly recipient?: Kuaidi100Recipient;
}

/**
 * Sends `POST label/order?method=interceptOrder` with form fields `method`, `key`, `t` (ms),
 * `param` and `sign = UPPER(MD5(param + t + key + secret))` (kuaidi100-api/php-demo
 * src/interceptorder.php). Who pays, on whose behalf and with which e-waybill account come
 * from the connection (`readKuaidi100InterceptSettings`), never the request. Kuaidi100 answers "accepted for processing" and reports the
 * outcome later to `callbackUrl`, signed with `salt` ("所有快递公司的拦截状态均通过回调返回").
 *
 * Sent once, never marked idempotent: Kuaidi100 does not document deduplication by
 * `orderId`, so a lost answer is an unknown outcome for the gateway to reconcile.
 */
export async function sendKuaidi100InterceptOrder(
  ctx: CarrierContext,
  call: InterceptOrderCall,
): Promise<Kuaidi100LabelAccepted> {
  const key = readCredential(ctx, 'key', 'KEY');
  const secret = readCredential(ctx, 'secret', 'SECRET');
  const salt = readCredential(ctx, 'salt', 'SALT');
  const { payType, orderRole, partnerId, partnerKey } = readKuaidi100InterceptSettings(ctx);
  if (ctx.callbackUrl === undefined) {
    // ZTO, J&T and YTO intercepts need it; the outcome then only shows in tracking.
    ctx.logger.warn('kuaidi100 intercept sent without callbackUrl: set PARCELGATE_PUBLIC_URL', {
      com: call.com,
    });
  }
  const param = JSON.stringify({
    kuaidicom: call.com,
    kuaidinum: call.trackingNumber,
    orderId: call.orderId,
    interceptType: call.interceptType,
    interceptPayType: payType,
    orderRole,
    ...(partnerId === undefined ? {} : { partnerId }),
    ...(partnerKey === undefined ? {} : { partnerKey }),
    reason: call.reason,
    ...(call.recipient === undefined ? {} : { recManInfo: call.recipient }),
    ...(ctx.callbackUrl === undefined ? {} : { callbackUrl: ctx.callbackUrl }),
    salt,
  });
  const t = String(ctx.clock.now().getTime());
  const response = await postKuaidi100Form(ctx, {
    route: KUAIDI100_ROUTES.label,
    query: { method: 'interceptOrder' },
    fields: {
      method: 'interceptOrder',
      key,
      t,
      sign: signKuaidi100Label(param, t, key, secret),
      param,
    },
    idempotent: false,
  });
  if (response.status !== 200) {
    throw await classifyKuaidi100Failure(ctx, response, call.operation);
  }
  return parseJsonResponse(
    response,
    { carrierId: KUAIDI100_CARRIER_ID, mutation: true },
    (body) => {
      const error = readKuaidi100Error(body);
      if (error !== undefined) {
        throw classifyKuaidi100Answer(ctx, error, call.operation);
      }
      return parseKuaidi100LabelAccepted(body);
    },
  );
}
