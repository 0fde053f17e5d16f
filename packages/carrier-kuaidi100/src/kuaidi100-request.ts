import {
  CarrierAuthenticationError,
  type CarrierContext,
  type CarrierHttpResponse,
} from '@parcelgate/carrier-kit';
import type { Kuaidi100Credentials } from './kuaidi100-credentials.ts';
import type { Kuaidi100Host } from './kuaidi100-endpoints.ts';

/** The adapter's id: the `kuaidi100` in URLs, config keys (`CARRIER_KUAIDI100_*`) and metrics. */
export const KUAIDI100_CARRIER_ID = 'kuaidi100';

/** Where one Kuaidi100 API is: a named host (the default, poll, when absent) and a path. */
export interface Kuaidi100Route {
  readonly host?: Kuaidi100Host;
  readonly path: string;
}

/** Kuaidi100's APIs the adapter calls, each on the host that serves it. */
export const KUAIDI100_ROUTES = {
  query: { path: '/poll/query.do' },
  subscribe: { path: '/poll' },
  label: { host: 'label', path: '/label/order' },
  autonumber: { host: 'autonumber', path: '/autonumber/auto' },
} as const satisfies Readonly<Record<string, Kuaidi100Route>>;

/**
 * Posts form fields, the only body Kuaidi100 reads (`application/x-www-form-urlencoded`,
 * UTF-8). `idempotent` is true only for reads: a query posted twice is harmless, an
 * intercept posted twice is not (Kuaidi100 does not promise to deduplicate it).
 */
export function postKuaidi100Form(
  ctx: CarrierContext,
  call: {
    readonly route: Kuaidi100Route;
    readonly query?: Readonly<Record<string, string>>;
    readonly fields: Readonly<Record<string, string>>;
    readonly idempotent: boolean;
  },
): Promise<CarrierHttpResponse> {
  return ctx.http.request({
    method: 'POST',
    ...call.route,
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
