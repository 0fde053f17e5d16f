import type { CarrierRequest, CarrierWorld } from '../carrier-module.ts';
import { type CarrierResponse, jsonResponse } from '../carrier-response.ts';
import { parseParam, readForm, textOf } from './kuaidi100-form.ts';
import { kuaidi100State } from './kuaidi100-module-state.ts';
import { kuaidi100CompanyOf } from './kuaidi100-numbers.ts';
import { checkKey } from './kuaidi100-sim-auth.ts';
import { kuaidi100Failure } from './kuaidi100-sim-errors.ts';

const SUBSCRIBED = jsonResponse(200, { result: true, returnCode: '200', message: '提交成功' });
const DUPLICATE = kuaidi100Failure('501', '重复订阅');
const INVALID = kuaidi100Failure('400', '数据不完整');

/**
 * `POST /poll`, form `schema=json` and `param = {company, number, key, parameters:
 * {callbackurl, salt, resultv2, ...}}`: remembers where to push the parcel's changes, and
 * whether with advanced states (`resultv2` 4 or 6, as in queries). A parcel
 * subscribed again is answered 501 (重复订阅), as Kuaidi100 does.
 */
export function handleKuaidi100Subscribe(
  request: CarrierRequest,
  world: CarrierWorld,
): CarrierResponse {
  const form = readForm(request.body);
  const param = parseParam(form.get('param') ?? '');
  if (form.get('schema') !== 'json' || param === undefined) {
    return INVALID;
  }
  const denied = checkKey(textOf(param, 'key') ?? null);
  if (denied !== undefined) {
    return denied;
  }
  const company = textOf(param, 'company');
  const number = textOf(param, 'number');
  const parameters = param.parameters;
  const options =
    typeof parameters === 'object' && parameters !== null
      ? (parameters as Record<string, unknown>)
      : {};
  const callbackurl = textOf(options, 'callbackurl');
  if (company === undefined || number === undefined || callbackurl === undefined) {
    return INVALID;
  }
  if (kuaidi100CompanyOf(number) !== company) {
    return kuaidi100Failure('400', '快递公司编码与单号不匹配');
  }
  const { subscriptions } = kuaidi100State(world);
  if (subscriptions.has(number)) {
    return DUPLICATE;
  }
  const resultv2 = textOf(options, 'resultv2');
  subscriptions.set(number, {
    url: callbackurl,
    salt: textOf(options, 'salt'),
    advanced: resultv2 === '4' || resultv2 === '6',
  });
  return SUBSCRIBED;
}
