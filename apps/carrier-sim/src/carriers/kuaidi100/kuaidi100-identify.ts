import type { RouteIdentity } from '../carrier-module.ts';
import { parseParam, readForm, textOf } from './kuaidi100-form.ts';

/*
 * Kuaidi100 names the parcel (and, for interceptOrder, the operation) in the `param` JSON
 * of a form body. These read it before anything is checked, so faults and call counts
 * apply as they would to a carrier that puts the parcel in the path; a body they cannot
 * read is undefined and keeps the route's own operation, with no parcel.
 */

/** `poll/query.do`: a `track` of `param.num`. */
export function identifyKuaidi100Query(body: Buffer): RouteIdentity | undefined {
  const param = paramOf(readForm(body));
  return param === undefined
    ? undefined
    : { operation: 'track', trackingNumber: textOf(param, 'num') };
}

/**
 * `label/order`: with `method=interceptOrder` (form or query string), a `redirect` of
 * `param.kuaidinum` for `MODIFY_ADDR`, an `intercept` for the return types.
 */
export function identifyKuaidi100Label(body: Buffer, query: string): RouteIdentity | undefined {
  const form = readForm(body);
  const method = form.get('method') ?? new URLSearchParams(query).get('method');
  const param = paramOf(form);
  if (method !== 'interceptOrder' || param === undefined) {
    return undefined;
  }
  const interceptType = textOf(param, 'interceptType');
  const operation =
    interceptType === 'MODIFY_ADDR'
      ? 'redirect'
      : interceptType === 'RETURN_SEND_ADDR' || interceptType === 'RETURN_SEND_STATION'
        ? 'intercept'
        : undefined;
  return operation === undefined
    ? undefined
    : { operation, trackingNumber: textOf(param, 'kuaidinum') };
}

/** `poll`: a `subscribe` (only `*` faults match it) of `param.number`. */
export function identifyKuaidi100Subscribe(body: Buffer): RouteIdentity | undefined {
  const param = paramOf(readForm(body));
  return param === undefined
    ? undefined
    : { operation: 'subscribe', trackingNumber: textOf(param, 'number') };
}

function paramOf(form: URLSearchParams): Readonly<Record<string, unknown>> | undefined {
  const param = form.get('param');
  return param === null ? undefined : parseParam(param);
}
