import {
  CarrierAuthenticationError,
  type CarrierContext,
  type CarrierError,
  type CarrierHttpResponse,
  CarrierInvalidRequestError,
  CarrierNotEligibleError,
  CarrierNotFoundError,
  type CarrierRefusalReason,
  CarrierRetryableError,
} from '@parcelgate/carrier-kit';
import { classifyHttpFailure, readErrorBody, redactSecrets } from '@parcelgate/carrier-kit/wire';
import { KUAIDI100_CARRIER_ID } from './kuaidi100-request.ts';
import { type Kuaidi100ErrorAnswer, readKuaidi100Error } from './kuaidi100-wire.ts';

/** The Kuaidi100 calls whose failures this module classifies. */
export type Kuaidi100Operation =
  | 'track'
  | 'autonumber'
  | 'intercept'
  | 'redirect'
  | 'subscribe'
  | 'verifyCredentials';

/**
 * returnCodes that refuse the caller rather than the request, on every API: 503 bad
 * signature, 600 not a valid user (wrong key), 601 key expired or no balance left.
 */
export const KUAIDI100_AUTH_CODES: ReadonlySet<string> = new Set(['503', '600', '601']);

const MUTATIONS: ReadonlySet<Kuaidi100Operation> = new Set(['intercept', 'redirect']);

/**
 * The label API answers an unknown waybill with the same returnCode 500 as a refusal; only
 * the forwarded message tells them apart ("运单不存在", "查询无结果").
 */
const NO_SUCH_WAYBILL = /不存在|查询无结果/;

/**
 * A refusal's reason in the domain's words, read from the message Kuaidi100 forwards from
 * the carrier ("快递公司返回：快件尚未揽收，无法拦截"): Kuaidi100 publishes no refusal codes,
 * only the one returnCode 500. The first match wins; no match is `carrier_refused`.
 */
const REFUSAL_WORDS: readonly (readonly [RegExp, CarrierRefusalReason])[] = [
  [/重复提交|已存在拦截|已拦截|已有.{0,6}拦截/, 'already_intercepted'],
  [/尚未揽收|未揽收|未揽件|没有揽收|未收件|未取件/, 'not_picked_up'],
  [/已签收|已妥投/, 'delivered'],
  [/派送中|派件中|正在派送|已派送/, 'out_for_delivery'],
  [/退回|已退|退签/, 'returning_or_returned'],
  [/已撤销|已销单|已取消|销单/, 'cancelled'],
  [/物品.{0,6}不支持|不支持.{0,6}物品|禁寄|违禁/, 'category_excluded'],
  [/保价.{0,6}超/, 'declared_value_over_limit'],
];

/** The domain's reason for a carrier's refusal message; `carrier_refused` when none fits. */
export function kuaidi100RefusalReason(message: string | undefined): CarrierRefusalReason {
  const text = message ?? '';
  return REFUSAL_WORDS.find(([words]) => words.test(text))?.[1] ?? 'carrier_refused';
}

/**
 * Classifies a `{result: false, returnCode}` answer (HTTP 200). Kuaidi100's code tables
 * (query docs; label-API docs for 同城/商家寄件, which share the label gateway):
 * - 400 bad or incomplete parameters, for queries also "找不到对应公司" (wrong `com`, or
 *   the customer id is wrong): invalid-request;
 * - 408 the phone check failed ("电话号码校验不通过", SF numbers): invalid-request on
 *   `phoneLastDigits`;
 * - 500 for queries "查询无结果" (nothing known for this com + number): not-found; for an
 *   intercept the carrier's refusal ("配送公司返回异常"): not-eligible, its reason read from
 *   the message ("快件尚未揽收" is `not_picked_up`), unless the message says the waybill
 *   does not exist (不存在): not-found;
 * - 501 for queries a server error: retryable; for the label API "重复提交" (submitted
 *   already): not-eligible `already_intercepted`;
 * - 502 busy: retryable; 503 bad signature, 600 not a valid user, 601 key expired or no
 *   balance left: authentication.
 * Unknown codes: retryable for reads, not-eligible for mutations (the carrier answered
 * and did not take it).
 */
export function classifyKuaidi100Answer(
  ctx: CarrierContext,
  answer: Kuaidi100ErrorAnswer,
  operation: Kuaidi100Operation,
): CarrierError {
  const carrierMessage =
    answer.message === undefined ? undefined : redactSecrets(answer.message, secretsOf(ctx));
  const detail = carrierMessage === undefined ? '' : `: ${carrierMessage}`;
  const init = {
    carrierId: KUAIDI100_CARRIER_ID,
    carrierCode: answer.returnCode,
    httpStatus: 200,
    requestSent: true,
    message: `${KUAIDI100_CARRIER_ID} refused the ${operation} (returnCode ${answer.returnCode})${detail}`,
  };
  const mutation = MUTATIONS.has(operation);
  if (KUAIDI100_AUTH_CODES.has(answer.returnCode)) {
    return new CarrierAuthenticationError(init);
  }
  switch (answer.returnCode) {
    case '400':
      return new CarrierInvalidRequestError({
        ...init,
        field: operation === 'track' || operation === 'autonumber' ? 'carrierOptions.com' : 'param',
      });
    case '408':
      return new CarrierInvalidRequestError({ ...init, field: 'phoneLastDigits' });
    case '500':
      return mutation && !NO_SUCH_WAYBILL.test(answer.message ?? '')
        ? new CarrierNotEligibleError({ ...init, reason: kuaidi100RefusalReason(answer.message) })
        : new CarrierNotFoundError(init);
    case '501':
      return mutation
        ? new CarrierNotEligibleError({ ...init, reason: 'already_intercepted' })
        : new CarrierRetryableError(init);
    case '502':
      return new CarrierRetryableError(init);
    default:
      return mutation
        ? new CarrierNotEligibleError({ ...init, reason: kuaidi100RefusalReason(answer.message) })
        : new CarrierRetryableError(init);
  }
}

/**
 * Turns a non-2xx answer into a carrier error: a JSON body with a `returnCode` is read as
 * above, anything else (an HTML page from a proxy, an empty body) by HTTP status alone.
 */
export async function classifyKuaidi100Failure(
  ctx: CarrierContext,
  response: CarrierHttpResponse,
  operation: Kuaidi100Operation,
): Promise<CarrierError> {
  const body = await readErrorBody(response);
  const answer = readKuaidi100Error(body.json);
  if (answer !== undefined && response.status === 200) {
    return classifyKuaidi100Answer(ctx, answer, operation);
  }
  return classifyHttpFailure({
    carrierId: KUAIDI100_CARRIER_ID,
    status: response.status,
    headers: response.headers,
    carrierCode: answer?.returnCode,
    carrierMessage:
      answer?.message === undefined ? undefined : redactSecrets(answer.message, secretsOf(ctx)),
    now: ctx.clock.now(),
  });
}

function secretsOf(ctx: CarrierContext): string[] {
  return Object.values(ctx.credentials);
}
