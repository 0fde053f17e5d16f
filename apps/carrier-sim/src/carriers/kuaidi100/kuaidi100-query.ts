import { admitAccount } from '../../model/accounts.ts';
import type { Parcel } from '../../model/parcel.ts';
import type { CarrierRequest, CarrierWorld } from '../carrier-module.ts';
import { type CarrierResponse, jsonResponse } from '../carrier-response.ts';
import { kuaidi100StateOf } from './kuaidi100-codes.ts';
import { parseParam, readForm, textOf } from './kuaidi100-form.ts';
import { kuaidi100CompanyOf, PHONE_REQUIRED } from './kuaidi100-numbers.ts';
import { checkQuerySign } from './kuaidi100-sim-auth.ts';
import { KUAIDI100_NO_RESULT, kuaidi100Failure } from './kuaidi100-sim-errors.ts';

const INCOMPLETE = kuaidi100Failure('400', '提交的数据不完整，或者快递公司编码错误');
const WRONG_COMPANY = kuaidi100Failure('500', '查询无结果，请检查单号和快递公司是否匹配');
const PHONE_CHECK = kuaidi100Failure('408', '快递公司参数异常：验证码错误');
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** `YYYY-MM-DD HH:mm:ss` in China time, Kuaidi100's only time format. */
export function formatKuaidi100Time(epochMs: number): string {
  return new Date(epochMs + CHINA_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

interface CachedBody {
  readonly version: number;
  readonly plain: CarrierResponse;
  readonly advanced: CarrierResponse;
}

// Queries are the hot path: render a parcel once per version, in both resultv2 flavours.
const cache = new WeakMap<Parcel, CachedBody>();

/**
 * `POST /poll/query.do`, form `customer`, `sign`, `param`: checks the signature, that the
 * company matches the number's format, the phone for SF numbers, then answers the route
 * newest first. `resultv2` `4` or `6` names every entry by its advanced state and adds
 * its `statusCode` (a parcel waiting for its pickup is `101` 已下单, not `1` 揽收).
 * Open to every account: a parcel another customer shipped is answered all the same.
 */
export function handleKuaidi100Query(
  request: CarrierRequest,
  world: CarrierWorld,
): CarrierResponse {
  const form = readForm(request.body);
  const customer = form.get('customer');
  const sign = form.get('sign');
  const param = form.get('param');
  if (customer === null || sign === null || param === null) {
    return INCOMPLETE;
  }
  const account = checkQuerySign(customer, param, sign);
  if (typeof account !== 'string') {
    return account;
  }
  const query = parseParam(param);
  const com = query === undefined ? undefined : textOf(query, 'com');
  const num = query === undefined ? undefined : textOf(query, 'num');
  if (query === undefined || com === undefined || num === undefined || num.length > 32) {
    return INCOMPLETE;
  }
  if (kuaidi100CompanyOf(num) !== com) {
    return WRONG_COMPANY;
  }
  if (PHONE_REQUIRED.has(com) && !/^\d{4,}$/.test(textOf(query, 'phone') ?? '')) {
    return PHONE_CHECK;
  }
  const parcel = world.parcels.get('kuaidi100', num);
  if (parcel === undefined) {
    return KUAIDI100_NO_RESULT;
  }
  // Counted under the caller's account, never refused: Kuaidi100 is an aggregator whose
  // real-time query answers any number of any company for any customer (carriers.md §9);
  // only SF numbers ask for a phone, whoever the customer is.
  admitAccount(world, parcel, account, 'track');
  const resultv2 = textOf(query, 'resultv2');
  const advanced = resultv2 === '4' || resultv2 === '6';
  let cached = cache.get(parcel);
  if (cached === undefined || cached.version !== parcel.version) {
    cached = {
      version: parcel.version,
      plain: jsonResponse(200, renderKuaidi100Result(parcel, com, false)),
      advanced: jsonResponse(200, renderKuaidi100Result(parcel, com, true)),
    };
    cache.set(parcel, cached);
  }
  return advanced ? cached.advanced : cached.plain;
}

/**
 * A parcel as a query result (also a push's `lastResult`): `{message, nu, ischeck,
 * condition, com, status: "200", state, data}`, data newest first.
 */
export function renderKuaidi100Result(parcel: Parcel, com: string, advanced: boolean): unknown {
  const data = [];
  for (let index = parcel.events.length - 1; index >= 0; index--) {
    const event = parcel.events[index];
    if (event === undefined) {
      continue;
    }
    const written = kuaidi100StateOf(event);
    const time = formatKuaidi100Time(event.at);
    const area = `${event.location.region},${event.location.city}`;
    data.push({
      time,
      ftime: time,
      context: `【${event.location.city}】${written.context}`,
      location: area,
      areaCode: event.location.postalCode,
      areaName: area,
      ...(advanced
        ? { status: written.advancedName, statusCode: written.advanced }
        : { status: written.name }),
    });
  }
  const newest = parcel.events[parcel.events.length - 1];
  const newestState = newest === undefined ? undefined : kuaidi100StateOf(newest);
  return {
    message: 'ok',
    nu: parcel.trackingNumber,
    ischeck: parcel.status === 'delivered' ? '1' : '0',
    condition: 'F00',
    com,
    status: '200',
    state: newestState === undefined ? '0' : advanced ? newestState.advanced : newestState.state,
    data,
  };
}
