import {
  type CancelRequest,
  type CancelResult,
  type CarrierContext,
  isCarrierErrorOfKind,
} from '@parcelgate/carrier-kit';
import { redactSecrets } from '@parcelgate/carrier-kit/wire';
import { classifySfBusinessError } from './classify-sf-failure.ts';
import { sendSfService } from './sf-request.ts';
import { SF_INTERCEPT_SERVICE, SF_WANTED_INTERCEPT } from './sf-wanted-intercept.ts';
import { parseSfInterceptAnswer } from './sf-wire.ts';

/** We withdraw as the sender (寄方), who gave the instruction. */
const ROLE_SENDER = '1';

/**
 * Withdraws a return instruction (退回) SF has not executed: `EXP_RECE_WANTED_INTERCEPT`
 * with serviceCode 2, `cancel: true` and the instruction's `cusId` (our `carrierReference`),
 * carriers.md §5.3. See {@link cancelSfInstruction} for the answers.
 */
export function cancelSfIntercept(
  ctx: CarrierContext,
  request: CancelRequest,
): Promise<CancelResult> {
  return cancelSfInstruction(ctx, request, 'cancelIntercept');
}

/** Withdraws a redirect instruction (转寄): the same with serviceCode 1. */
export function cancelSfRedirect(
  ctx: CarrierContext,
  request: CancelRequest,
): Promise<CancelResult> {
  return cancelSfInstruction(ctx, request, 'cancelRedirect');
}

/**
 * The cancel. UNCONFIRMED (carriers.md §5.3 knows `cancel` and `cusId` from a third-party
 * client only): which other fields SF wants with `cancel: true`; the adapter sends the
 * waybill, the serviceCode of the instruction, our role and the `cusId` when it has one.
 *
 * `success: true` is `cancelled`. `success: false` with a refusal (the instruction already
 * executed, nothing to cancel) is SF deciding: `rejected`, `carrierReason` SF's code and
 * words, never an error. SF's system errors (`S…`), field errors (`1xxx`), an unknown
 * waybill and every gateway or transport failure are thrown, classified as for the other
 * operations; a lost answer is `outcome-unknown`.
 */
async function cancelSfInstruction(
  ctx: CarrierContext,
  request: CancelRequest,
  operation: 'cancelIntercept' | 'cancelRedirect',
): Promise<CancelResult> {
  const msgData = {
    waybillNo: request.trackingNumber,
    serviceCode:
      operation === 'cancelIntercept'
        ? SF_INTERCEPT_SERVICE.returnToSender
        : SF_INTERCEPT_SERVICE.redirect,
    role: ROLE_SENDER,
    cancel: true,
    ...(request.carrierReference === undefined ? {} : { cusId: request.carrierReference }),
  };
  const result = await sendSfService(ctx, {
    operation,
    serviceCode: SF_WANTED_INTERCEPT,
    msgData,
  });
  if (result.success) {
    const cusId = readCusId(result.msgData) ?? request.carrierReference;
    return {
      outcome: 'cancelled',
      ...(cusId === undefined ? {} : { carrierReference: cusId }),
      message:
        operation === 'cancelIntercept'
          ? 'sf withdrew the return instruction'
          : 'sf withdrew the redirect instruction',
    };
  }
  const error = classifySfBusinessError(result.errorCode, result.errorMsg, operation);
  if (!isCarrierErrorOfKind(error, 'not-eligible')) {
    throw error;
  }
  const words =
    result.errorMsg === undefined
      ? undefined
      : redactSecrets(result.errorMsg, Object.values(ctx.credentials));
  return {
    outcome: 'rejected',
    carrierReason: result.errorCode ?? 'refused',
    ...(words === undefined ? {} : { message: words }),
    ...(request.carrierReference === undefined
      ? {}
      : { carrierReference: request.carrierReference }),
  };
}

/** The `cusId` of a success, when SF sends one; an unreadable body still means SF did it. */
function readCusId(msgData: unknown): string | undefined {
  try {
    return parseSfInterceptAnswer(msgData).cusId;
  } catch {
    return undefined;
  }
}
