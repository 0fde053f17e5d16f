import { randomUUID } from 'node:crypto';
import type { CarrierContext } from '@parcelgate/carrier-kit';
import {
  classifyHttpFailure,
  parseJsonResponse,
  readErrorBody,
  redactSecrets,
} from '@parcelgate/carrier-kit/wire';
import {
  classifySfBusinessError,
  classifySfGatewayCode,
  isSfRead,
  type SfOperation,
} from './classify-sf-failure.ts';
import { readSfCredentials, SF_CARRIER_ID } from './sf-credentials.ts';
import { computeSfMsgDigest } from './sf-msg-digest.ts';
import { parseSfEnvelope, parseSfResultData, type SfResultData } from './sf-wire.ts';

/** The single form-post gateway every SF service is called through, relative to the base URL. */
export const SF_SERVICE_PATH = '/std/service';

/** SF's success `apiResultCode`. */
const API_OK = 'A1000';

/** One call of an SF service. */
export interface SfServiceCall {
  readonly operation: SfOperation;
  /** `EXP_RECE_SEARCH_ROUTES`, `EXP_RECE_WANTED_INTERCEPT`, ... */
  readonly serviceCode: string;
  /** The business message, serialized once: the exact text is what is signed. */
  readonly msgData: Readonly<Record<string, unknown>>;
}

/**
 * Calls an SF service: signs the form (`msgDigest` over msgData + timestamp + checkword),
 * posts it, and unwraps both layers of the answer, throwing a classified error for an
 * `apiResultCode` other than `A1000` and for `success: false`. Answers the inner `msgData`.
 *
 * `timestamp` is sent in seconds, as SF's SDK sample does (clients that send milliseconds
 * reportedly work too; see README). Route queries are reads sent over POST, so they are
 * marked idempotent; wanted intercepts are not, since SF does not dedupe them by anything
 * of ours and a second one is refused as a duplicate (8016).
 */
export async function callSfService(ctx: CarrierContext, call: SfServiceCall): Promise<unknown> {
  return unwrapResult(await sendSfService(ctx, call), call.operation);
}

/**
 * Signs and posts an SF service call like {@link callSfService}, throwing a classified
 * error for a non-2xx answer, an unreadable one or an `apiResultCode` other than `A1000`,
 * and answers the service's own answer (`apiResultData`) as is, `success: false`
 * included: for callers to whom passing SF's gateway is the point (`verifyCredentials`).
 */
export async function sendSfService(
  ctx: CarrierContext,
  call: SfServiceCall,
): Promise<SfResultData> {
  const credentials = readSfCredentials(ctx.credentials);
  const mutation = !isSfRead(call.operation);
  const msgData = JSON.stringify(call.msgData);
  const timestamp = String(Math.floor(ctx.clock.now().getTime() / 1000));
  const form = new URLSearchParams({
    partnerID: credentials.partnerId,
    requestID: randomUUID(),
    serviceCode: call.serviceCode,
    timestamp,
    msgDigest: computeSfMsgDigest(msgData, timestamp, credentials.checkword),
    msgData,
  });
  const response = await ctx.http.request({
    method: 'POST',
    path: SF_SERVICE_PATH,
    headers: {
      accept: 'application/json',
      'content-type': 'application/x-www-form-urlencoded;charset=UTF-8',
    },
    body: form,
    idempotent: !mutation,
    signal: ctx.signal,
  });
  if (response.status < 200 || response.status >= 300) {
    // SF itself answers 200 with a code; other statuses come from what stands in front.
    const body = await readErrorBody(response);
    return Promise.reject(
      classifyHttpFailure({
        carrierId: SF_CARRIER_ID,
        status: response.status,
        headers: response.headers,
        carrierMessage:
          body.json === undefined
            ? undefined
            : redactSecrets(body.text.slice(0, 200), [credentials.checkword]),
        now: ctx.clock.now(),
      }),
    );
  }
  const context = { carrierId: SF_CARRIER_ID, mutation };
  return parseJsonResponse(response, context, (body) => {
    const envelope = parseSfEnvelope(body);
    if (envelope.apiResultCode !== API_OK) {
      throw classifySfGatewayCode(envelope.apiResultCode, envelope.apiErrorMsg, call.operation);
    }
    if (envelope.apiResultData === undefined) {
      throw new TypeError('sf answered A1000 without apiResultData');
    }
    // A malformed inner document is as unreadable as a malformed outer one: the
    // TypeError or SyntaxError is classified by parseJsonResponse.
    return parseSfResultData(envelope.apiResultData);
  });
}

function unwrapResult(result: SfResultData, operation: SfOperation): unknown {
  if (!result.success) {
    throw classifySfBusinessError(result.errorCode, result.errorMsg, operation);
  }
  return result.msgData;
}
