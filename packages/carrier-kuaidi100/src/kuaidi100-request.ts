import {
  CarrierAuthenticationError,
  type CarrierContext,
  type CarrierHttpResponse,
} from '@parcelgate/carrier-kit';
import type { Kuaidi100Credentials } from './kuaidi100-credentials.ts';

/** The adapter's id: the `kuaidi100` in URLs, config keys (`CARRIER_KUAIDI100_*`) and metrics. */
export const KUAIDI100_CARRIER_ID = 'kuaidi100';

/**
 * Paths below the base URL. Kuaidi100 serves them from three hosts (poll.kuaidi100.com for
 * queries and subscriptions, api.kuaidi100.com for the label API, www.kuaidi100.com for
 * number recognition); their paths never collide, so one base URL (the simulator, or a
 * proxy in production, see the README) serves them all.
 */
export const KUAIDI100_PATHS = {
  query: '/poll/query.do',
  subscribe: '/poll',
  label: '/label/order',
  autonumber: '/autonumber/auto',
} as const;

/**
 * Posts form fields, the only body Kuaidi100 reads (`application/x-www-form-urlencoded`,
 * UTF-8). `idempotent` is true only for reads: a query posted twice is harmless, an
 * intercept posted twice is not (Kuaidi100 does not promise to deduplicate it).
 */
export function postKuaidi100Form(
  ctx: CarrierContext,
  call: {
    readonly path: string;
    readonly query?: Readonly<Record<string, string>>;
    readonly fields: Readonly<Record<string, string>>;
    readonly idempotent: boolean;
  },
): Promise<CarrierHttpResponse> {
  return ctx.http.request({
    method: 'POST',
    path: call.path,
    ...(call.query === undefined ? {} : { query: call.query }),
    headers: {
      accept: 'application/json',
      'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
    },
    body: new URLSearchParams(call.fields),
    idempotent: call.idempotent,
    signal: ctx.signal,
  });
}

/**
 * One configured credential; `requestSent: false` because without it nothing was sent.
 * Messages name the variable, never a value.
 */
export function readCredential(
  ctx: CarrierContext,
  field: keyof Kuaidi100Credentials,
  env: string,
): string {
  const value = (ctx.credentials as Partial<Kuaidi100Credentials>)[field];
  if (value === undefined || value === '') {
    throw new CarrierAuthenticationError({
      carrierId: KUAIDI100_CARRIER_ID,
      message: `kuaidi100: no ${field} configured (set CARRIER_KUAIDI100_${env})`,
      requestSent: false,
    });
  }
  return value;
}

/** An optional credential, undefined when not configured. */
export function readOptionalCredential(
  ctx: CarrierContext,
  field: keyof Kuaidi100Credentials,
): string | undefined {
  const value = (ctx.credentials as Partial<Kuaidi100Credentials>)[field];
  return value === undefined || value === '' ? undefined : value;
}
