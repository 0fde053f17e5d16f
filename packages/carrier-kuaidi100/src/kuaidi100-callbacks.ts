import {
  type CallbackOutcome,
  type CallbackTrackingEvent,
  CarrierAuthenticationError,
  type CarrierCallbackContext,
  type CarrierCallbackRequest,
  type CarrierCallbackResult,
  type CarrierCallbacks,
  CarrierInvalidRequestError,
} from '@parcelgate/carrier-kit';
import type { Kuaidi100Credentials } from './kuaidi100-credentials.ts';
import { KUAIDI100_CARRIER_ID } from './kuaidi100-request.ts';
import { verifyKuaidi100PushSign } from './kuaidi100-sign.ts';
import { toTrackingEvents } from './kuaidi100-track.ts';
import {
  isRecord,
  type JsonRecord,
  parseKuaidi100QueryResult,
  readText,
} from './kuaidi100-wire.ts';

/**
 * What Kuaidi100 wants back from every push, or it pushes again (about 30 minutes later,
 * up to three times): `{"result":true,"returnCode":"200","message":"成功"}`.
 */
export const KUAIDI100_ACKNOWLEDGEMENT = {
  status: 200,
  contentType: 'application/json; charset=utf-8',
  body: JSON.stringify({ result: true, returnCode: '200', message: '成功' }),
} as const;

/**
 * Kuaidi100's pushes, both POSTed as form fields `param` (JSON) and
 * `sign = MD5(param + salt)` with the salt we gave it:
 * - subscription pushes (推送接口): `param = {status, billstatus, message, lastResult:
 *   {state, ischeck, com, nu, data[]}}`, read like a query answer into events;
 * - intercept results (拦截结果回调) to the `callbackUrl` of `interceptOrder`: their format
 *   is not published in stored material (UNCONFIRMED), so any param without `lastResult`
 *   is read tolerantly, see {@link readInterceptResult}, into an outcome whose
 *   `reference` is the `orderId` we sent.
 * The signature is checked before anything is parsed.
 */
export const kuaidi100Callbacks: CarrierCallbacks = {
  async handle(ctx, request) {
    return handleKuaidi100Push(ctx, request);
  },
};

/** Verifies and reads one push; see {@link kuaidi100Callbacks}. */
export function handleKuaidi100Push(
  ctx: CarrierCallbackContext,
  request: CarrierCallbackRequest,
): CarrierCallbackResult {
  const form = new URLSearchParams(request.rawBody);
  const param = form.get('param');
  const sign = form.get('sign');
  if (sign === null || sign === '') {
    throw authenticationError('the push carries no sign');
  }
  const salt = (ctx.credentials as Partial<Kuaidi100Credentials>).salt;
  if (salt === undefined || salt === '') {
    throw authenticationError('no salt configured to verify pushes (set CARRIER_KUAIDI100_SALT)');
  }
  if (param === null) {
    throw invalidPush('the push has no param field', 'param');
  }
  if (!verifyKuaidi100PushSign(param, salt, sign)) {
    throw authenticationError('the push sign does not match MD5(param + salt)');
  }
  let body: unknown;
  try {
    body = JSON.parse(param);
  } catch {
    throw invalidPush('param is not JSON', 'param');
  }
  if (!isRecord(body)) {
    throw invalidPush('param is not a JSON object', 'param');
  }
  if (isRecord(body.lastResult)) {
    return {
      events: readTrackingPush(body.lastResult),
      outcomes: [],
      acknowledgement: KUAIDI100_ACKNOWLEDGEMENT,
    };
  }
  const outcome = readInterceptResult(body, form.get('taskId') ?? undefined);
  return {
    events: [],
    outcomes: outcome === undefined ? [] : [outcome],
    acknowledgement: KUAIDI100_ACKNOWLEDGEMENT,
  };
}

function readTrackingPush(lastResult: JsonRecord): CallbackTrackingEvent[] {
  let events: ReturnType<typeof toTrackingEvents>;
  let trackingNumber: string | undefined;
  try {
    const result = parseKuaidi100QueryResult(lastResult);
    trackingNumber = result.nu;
    events = toTrackingEvents(result);
  } catch (error) {
    throw invalidPush(
      `lastResult cannot be read: ${error instanceof Error ? error.message : String(error)}`,
      'param.lastResult',
    );
  }
  if (trackingNumber === undefined) {
    throw invalidPush('lastResult names no tracking number (nu)', 'param.lastResult.nu');
  }
  const number = trackingNumber;
  return events.map((event) => ({ trackingNumber: number, event }));
}

const SUCCESS_WORDS = new Set(['true', 'success', 'succeed', 'succeeded', '1', '200', '20']);
const FAILURE_WORDS = new Set(['false', 'fail', 'failed', 'failure', '0', '2', '30', '500']);
const PENDING_WORDS = new Set(['processing', 'intercepting', 'pending', '10']);
const VERDICT_FIELDS = ['interceptStatus', 'status', 'state', 'result', 'success'] as const;

/** How the carrier decided, from whichever field says it. */
type Verdict = 'success' | 'failure' | 'pending';

/**
 * Reads an intercept-result push whose exact shape is unconfirmed. It looks, in order,
 * for the verdict in `interceptStatus`, `status`, `state`, `result` or `success`
 * (booleans, `SUCCESS`/`FAIL`, `1`/`0`, `20`/`30`, and Chinese 成功/失败/拦截中 in those
 * fields or in `message`), for the parcel in `kuaidinum`, `num`, `nu` or `number`, for
 * our reference in `orderId` or `orderid`, and for the intercept type in `interceptType`
 * (`MODIFY_ADDR` is a redirect); the same fields are also looked for under `data`.
 * An in-progress report gives no outcome; a push whose verdict cannot be read is refused
 * (HTTP 400), so Kuaidi100 pushes it again and the failure shows in the gateway's logs.
 */
export function readInterceptResult(
  body: JsonRecord,
  formTaskId: string | undefined,
): CallbackOutcome | undefined {
  const fields: JsonRecord = isRecord(body.data) ? { ...body.data, ...body } : body;
  const trackingNumber =
    readText(fields, 'kuaidinum') ??
    readText(fields, 'num') ??
    readText(fields, 'nu') ??
    readText(fields, 'number');
  if (trackingNumber === undefined) {
    throw invalidPush(
      'the intercept result names no tracking number (kuaidinum)',
      'param.kuaidinum',
    );
  }
  const verdict = readVerdict(fields);
  if (verdict === undefined) {
    throw invalidPush('the intercept result has no readable verdict', 'param.interceptStatus');
  }
  if (verdict === 'pending') {
    return undefined;
  }
  const reference = readText(fields, 'orderId') ?? readText(fields, 'orderid');
  const message = readText(fields, 'message') ?? readText(fields, 'reason');
  const taskId = readText(fields, 'taskId') ?? formTaskId;
  const common = {
    trackingNumber,
    ...(reference === undefined ? {} : { reference }),
  };
  const details = {
    ...(taskId === undefined ? {} : { carrierReference: taskId }),
    ...(message === undefined ? {} : { message }),
    ...(verdict === 'failure' ? { carrierReason: message ?? 'intercept failed' } : {}),
  };
  // Success means the carrier took the instruction; the way back (or to the new address)
  // then shows in tracking. Failure before taking it is a refusal.
  const outcome = verdict === 'success' ? 'accepted' : 'rejected';
  const redirect =
    readText(fields, 'interceptType') === 'MODIFY_ADDR' ||
    (readText(fields, 'interceptType') === undefined && isRecord(fields.recManInfo));
  return redirect
    ? { operation: 'redirect', ...common, result: { outcome, ...details } }
    : { operation: 'intercept', ...common, result: { outcome, ...details } };
}

function readVerdict(fields: JsonRecord): Verdict | undefined {
  for (const field of VERDICT_FIELDS) {
    const value = fields[field];
    const word =
      typeof value === 'boolean' ? String(value) : readText(fields, field)?.toLowerCase();
    const verdict = word === undefined ? undefined : verdictOfWord(word);
    if (verdict !== undefined) {
      return verdict;
    }
  }
  const message = readText(fields, 'message');
  return message === undefined ? undefined : verdictOfWord(message);
}

function verdictOfWord(word: string): Verdict | undefined {
  if (SUCCESS_WORDS.has(word)) {
    return 'success';
  }
  if (FAILURE_WORDS.has(word)) {
    return 'failure';
  }
  if (PENDING_WORDS.has(word)) {
    return 'pending';
  }
  // Chinese verdicts: 失败 before 成功, since "未成功" is a failure.
  if (word.includes('失败') || word.includes('未成功')) {
    return 'failure';
  }
  if (word.includes('成功')) {
    return 'success';
  }
  if (word.includes('拦截中') || word.includes('处理中')) {
    return 'pending';
  }
  return undefined;
}

function authenticationError(reason: string): CarrierAuthenticationError {
  return new CarrierAuthenticationError({
    carrierId: KUAIDI100_CARRIER_ID,
    message: `kuaidi100 push refused: ${reason}`,
  });
}

function invalidPush(reason: string, field: string): CarrierInvalidRequestError {
  return new CarrierInvalidRequestError({
    carrierId: KUAIDI100_CARRIER_ID,
    message: `kuaidi100 push unreadable: ${reason}`,
    field,
  });
}
