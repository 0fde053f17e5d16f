import { admitAccount } from '../../model/accounts.ts';
import { DEFAULT_INTERCEPT_POLICY, type InterceptPolicy } from '../../model/intercept-policy.ts';
import type { InterceptRefusal, RedirectRefusal } from '../../model/intercept-rules.ts';
import { interceptParcel, redirectParcel } from '../../model/parcel-actions.ts';
import type { CarrierRequest, CarrierWorld } from '../carrier-module.ts';
import { type CarrierResponse, jsonResponse } from '../carrier-response.ts';
import { parseParam, readForm, textOf } from './kuaidi100-form.ts';
import {
  type Kuaidi100CallbackTarget,
  type Kuaidi100Task,
  kuaidi100State,
} from './kuaidi100-module-state.ts';
import { kuaidi100CompanyOf } from './kuaidi100-numbers.ts';
import { checkLabelSign, md5Upper } from './kuaidi100-sim-auth.ts';
import { kuaidi100Failure } from './kuaidi100-sim-errors.ts';

/** Kuaidi100's intercept types; `MODIFY_ADDR` is an address change. */
export const KUAIDI100_INTERCEPT_TYPES: ReadonlySet<string> = new Set([
  'RETURN_SEND_STATION',
  'RETURN_SEND_ADDR',
  'MODIFY_ADDR',
]);

/**
 * Kuaidi100 forwards to the underlying carrier, which takes no category or value rules of
 * the domain's: only the window and chance decide.
 */
export const KUAIDI100_INTERCEPT_POLICY: InterceptPolicy = {
  ...DEFAULT_INTERCEPT_POLICY,
  excludedCategories: new Set(),
  valueLimits: {},
};

const REFUSALS: Readonly<Record<InterceptRefusal | RedirectRefusal, readonly [string, string]>> = {
  // "501 重复提交": a second intercept of the same parcel.
  already_intercepted: ['501', '重复提交：该快件已存在拦截请求'],
  not_picked_up: ['500', '快递公司返回：快件尚未揽收，无法拦截'],
  out_for_delivery: ['500', '快递公司返回：快件派送中，无法拦截'],
  delivered: ['500', '快递公司返回：快件已签收，无法拦截'],
  returning_or_returned: ['500', '快递公司返回：快件已在退回途中'],
  cancelled: ['500', '快递公司返回：快件已撤销'],
  category_excluded: ['500', '快递公司返回：该类物品不支持拦截'],
  declared_value_over_limit: ['500', '快递公司返回：保价金额超限'],
  intercept_failed: ['500', '快递公司返回：网点未能拦截该快件'],
};

const INVALID = kuaidi100Failure('400', '参数错误');

/**
 * interceptOrder (return or address change) on a waybill another customer shipped. The
 * label-API docs publish returnCodes 400, 500, 501, 502, 503, 600 and 601
 * (packages/carrier-kuaidi100 README) and none for "not your waybill"; Kuaidi100 forwards
 * the instruction to the underlying carrier, whose refusals come back as `500` with the
 * carrier's reason ("快递公司返回：..."), the closest documented code. The message avoids
 * 不存在 on purpose: the parcel exists, the caller may not act on it (an adapter reading
 * 不存在 as not-found would be misled).
 */
const NOT_ACCOUNTS_WAYBILL = kuaidi100Failure('500', '快递公司返回：非本账号运单，无权拦截或改址');

/**
 * `POST /label/order?method=interceptOrder`, form `method`, `key`, `t`, `sign`, `param`:
 * checks `sign = MD5(param + t + key + secret)`, the parameters (a company matching the
 * number, a known `interceptType`, `recManInfo` for `MODIFY_ADDR`), that the waybill is
 * the key's customer's (or nobody's), then runs the shared parcel model. A refusal answers `{result: false, returnCode: "500"|"501"}`; an accepted
 * request answers "提交成功" with a task id, and its result is pushed later to
 * `callbackUrl` (see kuaidi100-pushes.ts), signed with `salt`.
 */
export function handleKuaidi100Label(
  request: CarrierRequest,
  world: CarrierWorld,
): CarrierResponse {
  const form = readForm(request.body);
  const method = form.get('method') ?? new URLSearchParams(request.query).get('method');
  const key = form.get('key');
  const t = form.get('t');
  const sign = form.get('sign');
  const rawParam = form.get('param');
  if (
    method !== 'interceptOrder' ||
    key === null ||
    t === null ||
    sign === null ||
    rawParam === null
  ) {
    return INVALID;
  }
  const account = checkLabelSign(key, t, rawParam, sign);
  if (typeof account !== 'string') {
    return account;
  }
  const param = parseParam(rawParam);
  const com = param === undefined ? undefined : textOf(param, 'kuaidicom');
  const num = param === undefined ? undefined : textOf(param, 'kuaidinum');
  const interceptType = param === undefined ? undefined : textOf(param, 'interceptType');
  if (
    param === undefined ||
    com === undefined ||
    num === undefined ||
    interceptType === undefined ||
    !KUAIDI100_INTERCEPT_TYPES.has(interceptType)
  ) {
    return INVALID;
  }
  if (kuaidi100CompanyOf(num) !== com) {
    return kuaidi100Failure('400', '快递公司编码与单号不匹配');
  }
  const parcel = world.parcels.get('kuaidi100', num);
  if (parcel === undefined) {
    return kuaidi100Failure('500', '快递公司返回：运单不存在');
  }
  if (!admitAccount(world, parcel, account, request.route.operation)) {
    return NOT_ACCOUNTS_WAYBILL;
  }
  const callbackUrl = textOf(param, 'callbackUrl');
  const callback: Kuaidi100CallbackTarget | undefined =
    callbackUrl === undefined ? undefined : { url: callbackUrl, salt: textOf(param, 'salt') };
  const orderId = textOf(param, 'orderId') ?? textOf(param, 'orderid');
  const taskId = () =>
    md5Upper(`${world.seed}:kuaidi100:task:${world.parcels.nextSequence('kuaidi100:task')}`);
  const task = { com, trackingNumber: num, orderId, interceptType, callback };

  if (interceptType === 'MODIFY_ADDR') {
    const recipient = param.recManInfo;
    const recMan =
      typeof recipient === 'object' && recipient !== null
        ? (recipient as Record<string, unknown>)
        : {};
    const name = textOf(recMan, 'name');
    const mobile = textOf(recMan, 'mobile') ?? textOf(recMan, 'tel');
    const printAddr = textOf(recMan, 'printAddr');
    if (name === undefined || mobile === undefined || printAddr === undefined) {
      return kuaidi100Failure('400', 'interceptType为MODIFY_ADDR时recManInfo必填');
    }
    const outcome = redirectParcel(
      parcel,
      {
        reference: orderId ?? '',
        destination: { ...parcel.destination, name, phone: mobile, line1: printAddr, line2: null },
        newId: taskId,
      },
      world.now(),
    );
    if (!outcome.accepted) {
      return refused(outcome.refusal);
    }
    return accepted(world, { ...task, taskId: outcome.redirect.id });
  }

  const outcome = interceptParcel(
    parcel,
    { reference: orderId ?? '', reason: textOf(param, 'reason') ?? '', newId: taskId },
    { policy: KUAIDI100_INTERCEPT_POLICY, seed: world.seed, now: world.now() },
  );
  if (!outcome.accepted) {
    return refused(outcome.refusal);
  }
  world.parcels.addIntercept('kuaidi100', outcome.intercept.id, parcel);
  return accepted(world, { ...task, taskId: outcome.intercept.id });
}

function refused(refusal: InterceptRefusal | RedirectRefusal): CarrierResponse {
  const [returnCode, message] = REFUSALS[refusal];
  return kuaidi100Failure(returnCode, message);
}

function accepted(world: CarrierWorld, task: Kuaidi100Task): CarrierResponse {
  kuaidi100State(world).tasks.set(task.taskId, task);
  return jsonResponse(200, {
    result: true,
    returnCode: '200',
    message: '提交成功',
    data: { taskId: task.taskId, orderId: task.orderId },
  });
}
