import {
  type Address,
  type CarrierContext,
  CarrierInvalidRequestError,
  type InterceptRequest,
  type InterceptResult,
  type Money,
  type RedirectRequest,
  type RedirectResult,
} from '@parcelgate/carrier-kit';
import { readSfCredentials, SF_CARRIER_ID, type SfCredentials } from './sf-credentials.ts';
import { callSfService } from './sf-request.ts';
import { parseSfInterceptAnswer } from './sf-wire.ts';

/** The wanted intercept service (截单转寄 / 改址拦截). */
export const SF_WANTED_INTERCEPT = 'EXP_RECE_WANTED_INTERCEPT';

/** `serviceCode` inside msgData: what SF is asked to do with the parcel. */
export const SF_INTERCEPT_SERVICE = { redirect: '1', returnToSender: '2' } as const;

/** We ask as the sender (寄方): the merchant who shipped the parcel. */
const ROLE_SENDER = '1';

/**
 * Default `payMode`: 4, the sender's monthly account (寄方月结), which is how merchants
 * ship with SF; CARRIER_SF_PAY_MODE changes it. Never taken from a request: who pays is
 * the connection's to say.
 */
const DEFAULT_PAY_MODE = '4';

/** Pay modes that SF bills to a monthly account, so `monthlyCardNo` must go with them. */
const MONTHLY_PAY_MODES: ReadonlySet<string> = new Set(['3', '4']);

/** SF's `newDestAddress` (province, city, county, address, contact, phone). */
interface SfDestAddress {
  readonly province: string;
  readonly city: string;
  readonly county: string;
  readonly address: string;
  readonly contact?: string;
  readonly phone?: string;
}

/**
 * Return to sender: `EXP_RECE_WANTED_INTERCEPT` with serviceCode 2 (退回). SF wants the
 * address to send the parcel back to in `newDestAddress` for 退回 as for 转寄; it is the
 * merchant's return address from the connection (CARRIER_SF_RETURN_*) and nothing else,
 * so a request cannot send a returned parcel somewhere the merchant did not configure.
 *
 * SF answers synchronously that it took the instruction (受理), which is `accepted`; the
 * parcel turns back later at a station, or does not (delivered first), which the route
 * push and tracking report. Sent once, never marked idempotent.
 */
export async function interceptSfParcel(
  ctx: CarrierContext,
  request: InterceptRequest,
): Promise<InterceptResult> {
  const credentials = readSfCredentials(ctx.credentials);
  const destination = returnAddress(credentials);
  const answer = await sendInstruction(ctx, credentials, {
    operation: 'intercept',
    waybillNo: request.trackingNumber,
    serviceCode: SF_INTERCEPT_SERVICE.returnToSender,
    newDestAddress: destination,
  });
  return { outcome: 'accepted', ...answer };
}

/**
 * Redirect: `EXP_RECE_WANTED_INTERCEPT` with serviceCode 1 (转寄) and the new address.
 * SF's address has a district (`county`) that our address does not: it comes from
 * `carrierOptions.county` (the one declared request option) when given, else empty (SF's
 * address matching reads it from the street line). Accepted synchronously, delivered at
 * the new address later.
 */
export async function redirectSfParcel(
  ctx: CarrierContext,
  request: RedirectRequest,
): Promise<RedirectResult> {
  const credentials = readSfCredentials(ctx.credentials);
  const answer = await sendInstruction(ctx, credentials, {
    operation: 'redirect',
    waybillNo: request.trackingNumber,
    serviceCode: SF_INTERCEPT_SERVICE.redirect,
    newDestAddress: toSfAddress(request.newAddress, request.carrierOptions?.county),
  });
  return { outcome: 'accepted', ...answer };
}

interface Instruction {
  readonly operation: 'intercept' | 'redirect';
  readonly waybillNo: string;
  readonly serviceCode: string;
  readonly newDestAddress: SfDestAddress;
}

async function sendInstruction(
  ctx: CarrierContext,
  credentials: SfCredentials,
  instruction: Instruction,
): Promise<{ carrierReference?: string; fee?: Money }> {
  const payMode = credentials.payMode ?? DEFAULT_PAY_MODE;
  const monthlyCardNo = credentials.monthlyCardNo;
  if (MONTHLY_PAY_MODES.has(payMode) && (monthlyCardNo === undefined || monthlyCardNo === '')) {
    throw invalid(
      'monthlyCardNo',
      `sf payMode ${payMode} bills a monthly account: set CARRIER_SF_MONTHLY_CARD_NO`,
    );
  }
  const msgData = {
    waybillNo: instruction.waybillNo,
    serviceCode: instruction.serviceCode,
    role: ROLE_SENDER,
    payMode,
    ...(monthlyCardNo === undefined ? {} : { monthlyCardNo }),
    newDestAddress: instruction.newDestAddress,
  };
  const answer = parseAnswer(
    await callSfService(ctx, {
      operation: instruction.operation,
      serviceCode: SF_WANTED_INTERCEPT,
      msgData,
    }),
  );
  return {
    ...(answer.cusId === undefined ? {} : { carrierReference: answer.cusId }),
    ...(answer.amount === undefined ? {} : { fee: { amount: answer.amount, currency: 'CNY' } }),
  };
}

/** A success whose body is unreadable still means SF took it: keep what can be read. */
function parseAnswer(msgData: unknown): ReturnType<typeof parseSfInterceptAnswer> {
  try {
    return parseSfInterceptAnswer(msgData);
  } catch {
    return { cusId: undefined, amount: undefined };
  }
}

function returnAddress(credentials: SfCredentials): SfDestAddress {
  const { returnProvince: province, returnCity: city, returnAddress: address } = credentials;
  if (province === undefined || city === undefined || address === undefined) {
    throw invalid(
      'newDestAddress',
      "sf needs the address to return the parcel to: set the connection's returnProvince, returnCity and returnAddress (CARRIER_SF_RETURN_*)",
    );
  }
  const { returnContact: contact, returnPhone: phone } = credentials;
  return {
    province,
    city,
    county: credentials.returnCounty ?? '',
    address,
    ...(contact === undefined ? {} : { contact }),
    ...(phone === undefined ? {} : { phone }),
  };
}

/** Our address in SF's words: `region` is the province (the city for 直辖市 like 上海). */
function toSfAddress(address: Address, county: string | undefined): SfDestAddress {
  return {
    province: address.region ?? address.city,
    city: address.city,
    county: county ?? '',
    address: address.line2 === undefined ? address.line1 : `${address.line1}${address.line2}`,
    contact: address.name,
    phone: address.phone,
  };
}

function invalid(field: string, message: string): CarrierInvalidRequestError {
  return new CarrierInvalidRequestError({
    carrierId: SF_CARRIER_ID,
    field,
    message,
    requestSent: false,
  });
}
