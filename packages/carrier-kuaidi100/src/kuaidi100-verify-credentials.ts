import { CarrierAuthenticationError, type CarrierContext } from '@parcelgate/carrier-kit';
import { parseJsonResponse, redactSecrets } from '@parcelgate/carrier-kit/wire';
import {
  classifyKuaidi100Answer,
  classifyKuaidi100Failure,
  KUAIDI100_AUTH_CODES,
} from './classify-kuaidi100-failure.ts';
import {
  KUAIDI100_CARRIER_ID,
  KUAIDI100_ROUTES,
  type Kuaidi100Route,
  postKuaidi100Form,
  readCredential,
} from './kuaidi100-request.ts';
import { signKuaidi100Label, signKuaidi100Query } from './kuaidi100-sign.ts';
import {
  type Kuaidi100ErrorAnswer,
  parseKuaidi100QueryResult,
  readKuaidi100Error,
} from './kuaidi100-wire.ts';

/**
 * The query the probe sends: a ZTO-shaped number (15 digits from `78`) that is all zeros
 * after the prefix. ZTO, not SF (`shunfeng`): SF queries need a phone, and a phone check
 * (408) would say nothing about the credentials.
 */
export const KUAIDI100_PROBE_QUERY = { com: 'zhongtong', num: '780000000000000' } as const;

/** One of the two probes: which API, which credentials it proves, what "accepted" looks like. */
interface Probe {
  readonly route: Kuaidi100Route;
  readonly query?: Readonly<Record<string, string>>;
  readonly fields: Readonly<Record<string, string>>;
  /** For messages: whose credentials the API checked. */
  readonly proves: string;
  /** returnCodes that come after the credentials were checked, so mean they passed. */
  readonly acceptedCodes: ReadonlySet<string>;
  /** returnCodes that, for this probe, can only mean the credentials were refused. */
  readonly refusedCodes: ReadonlySet<string>;
}

/**
 * Proves both sets of Kuaidi100 credentials, neither call changing anything, and throws the
 * first refusal:
 * 1. `customer` and `key` with a real-time query (`poll/query.do`, signed
 *    `MD5(param + key + customer)`) for {@link KUAIDI100_PROBE_QUERY}. "No result" (500)
 *    or a result means accepted; 503 (bad sign), 600 (unknown key), 601 (expired, no
 *    balance) and 400 are refusals: 400 is 找不到对应公司, an unknown customer, since the
 *    probe's company code and fields are fixed and complete.
 * 2. `key` and `secret` on the label API (`label/order?method=interceptOrder`, signed
 *    `MD5(param + t + key + secret)`, on its own host) that intercepts and redirects use.
 *    Its read-only methods (e.g. `price` in Kuaidi100's python-demo) are products an
 *    account may not have, and the simulator serves interceptOrder alone, so the probe is an
 *    interceptOrder with an empty `param`: no waybill, nothing to intercept. The signature
 *    is checked before the parameters (the simulator, like API gateways generally, does
 *    so), so 400 (bad parameters) and 500 (refused for the waybill) mean the key and
 *    secret passed, and 503, 600, 601 are refusals. Should Kuaidi100 check parameters
 *    first, a wrong secret would pass unnoticed; the probe can never place anything.
 * Other answers are classified as for tracking (502 busy and unknown codes `retryable`,
 * non-2xx answers by HTTP status, unreadable ones `retryable`).
 */
export async function verifyKuaidi100Credentials(ctx: CarrierContext): Promise<void> {
  const customer = readCredential(ctx, 'customer', 'CUSTOMER');
  const key = readCredential(ctx, 'key', 'KEY');
  const secret = readCredential(ctx, 'secret', 'SECRET');

  const param = JSON.stringify(KUAIDI100_PROBE_QUERY);
  await probe(ctx, {
    route: KUAIDI100_ROUTES.query,
    fields: { customer, sign: signKuaidi100Query(param, key, customer), param },
    proves: 'customer id and key (real-time query)',
    acceptedCodes: new Set(['500']),
    refusedCodes: new Set([...KUAIDI100_AUTH_CODES, '400']),
  });

  const empty = '{}';
  const t = String(ctx.clock.now().getTime());
  await probe(ctx, {
    route: KUAIDI100_ROUTES.label,
    query: { method: 'interceptOrder' },
    fields: {
      method: 'interceptOrder',
      key,
      t,
      sign: signKuaidi100Label(empty, t, key, secret),
      param: empty,
    },
    proves: 'key and secret (label API, used by intercepts and redirects)',
    acceptedCodes: new Set(['400', '500']),
    refusedCodes: KUAIDI100_AUTH_CODES,
  });
}

async function probe(ctx: CarrierContext, call: Probe): Promise<void> {
  const response = await postKuaidi100Form(ctx, {
    route: call.route,
    ...(call.query === undefined ? {} : { query: call.query }),
    fields: call.fields,
    // Neither probe changes anything: sending one twice is harmless.
    idempotent: true,
  });
  if (response.status !== 200) {
    throw await classifyKuaidi100Failure(ctx, response, 'verifyCredentials');
  }
  await parseJsonResponse(
    response,
    { carrierId: KUAIDI100_CARRIER_ID, mutation: false },
    (body) => {
      const answer = readKuaidi100Error(body);
      if (answer === undefined) {
        if (call.route === KUAIDI100_ROUTES.query) {
          // A result for the probe number: unusual, but read it as one before trusting it.
          parseKuaidi100QueryResult(body);
        } else {
          // The key and secret passed, but an empty interceptOrder should never succeed.
          ctx.logger.warn('kuaidi100 answered the empty interceptOrder probe with success');
        }
        return;
      }
      if (call.acceptedCodes.has(answer.returnCode)) {
        return;
      }
      throw call.refusedCodes.has(answer.returnCode)
        ? refusal(ctx, answer, call.proves)
        : classifyKuaidi100Answer(ctx, answer, 'verifyCredentials');
    },
  );
}

function refusal(
  ctx: CarrierContext,
  answer: Kuaidi100ErrorAnswer,
  proves: string,
): CarrierAuthenticationError {
  const message =
    answer.message === undefined
      ? ''
      : `: ${redactSecrets(answer.message, Object.values(ctx.credentials))}`;
  return new CarrierAuthenticationError({
    carrierId: KUAIDI100_CARRIER_ID,
    carrierCode: answer.returnCode,
    httpStatus: 200,
    requestSent: true,
    message: `${KUAIDI100_CARRIER_ID} refused the ${proves} (returnCode ${answer.returnCode})${message}`,
  });
}
