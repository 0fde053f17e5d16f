import {
  type CarrierContext,
  CarrierNotEligibleError,
  type FeeQuote,
  isCarrierError,
  type Money,
} from '@parcelgate/carrier-kit';
import { parseJsonResponse } from '@parcelgate/carrier-kit/wire';
import { classifyUpsFailure } from './classify-ups-failure.ts';
import {
  firstError,
  isJsonObject,
  type JsonObject,
  readArray,
  readObject,
  readOptionalString,
} from './read-json.ts';
import { invalidField } from './ups-contact.ts';
import { UPS_CARRIER_ID } from './ups-ids.ts';
import { UPS_INTERCEPT_HEADERS, upsInterceptPath } from './ups-intercept-call.ts';
import { sendUpsRequest } from './ups-request.ts';
import type { UpsPackageView } from './ups-track-wire.ts';
import type { UpsChargesRequest, UpsInterceptRequest, UpsRatingRequest } from './ups-wire-types.ts';

/** What a quote is for: return to sender, or delivery to another address. */
export type UpsQuoteOption = Extract<UpsRatingRequest['trackInfo']['interceptOption'], 'RS' | 'AA'>;

const AMOUNT = /^\d{1,17}\.\d{2}$/;
const CURRENCY = /^[A-Z]{3}$/;

/** What one charges call rates: the option, the package as tracking shows it, who asks. */
export interface UpsChargesCall {
  readonly trackingNumber: string;
  readonly option: UpsQuoteOption;
  readonly parcel: UpsPackageView;
  readonly requester: UpsInterceptRequest['requesterContactInfo'];
  readonly redirectAddress?: UpsInterceptRequest['newDeliveryAddress'];
}

/**
 * Quotes what UPS would charge for an intercept, best effort, for the intercept and
 * redirect answers' `fee`: the fee is information there (UPS charges it only if the
 * intercept happens), so no quote (addresses unknown, an error, an odd answer) never
 * stops the intercept; it is logged and the answer carries no fee. An abort still
 * propagates. `quoteFee()` uses {@link requestUpsCharges} itself, which throws instead.
 */
export async function quoteUpsIntercept(
  ctx: CarrierContext,
  request: UpsChargesCall,
): Promise<Money | undefined> {
  try {
    return (await requestUpsCharges(ctx, request)).amount;
  } catch (error) {
    if (!isCarrierError(error)) {
      throw error;
    }
    ctx.logger.warn('ups fee quote failed; the intercept goes on without a fee', {
      kind: error.kind,
      carrierCode: error.carrierCode,
    });
    return undefined;
  }
}

/**
 * Asks UPS what an intercept option costs: POST /charges/{tracking_number}
 * (DeliveryIntercept.yaml, getCharges), with the three required headers and a
 * `ratingRequest` carrying what the spec requires of it (`fromAddress`, `toAddress`,
 * `trackInfo.interceptOption`; for a redirect the `redirectAddress`). UPS rates by the
 * shipment's addresses, which the request must repeat: they come from the Track API's
 * `packageAddress` (ORIGIN, DESTINATION), with the configured requester's phone where UPS
 * wants one (the track answer has none). The quote is the package's `totalCharge` in
 * `chargeCurrency`; its lines are UPS's own parts of it.
 *
 * Throws when there is no quote: `invalid-request` (not sent) when tracking shows no full
 * addresses, a classified error for a failed call, `not-eligible` when UPS answers
 * `success: false` or quotes nothing.
 */
export async function requestUpsCharges(
  ctx: CarrierContext,
  request: UpsChargesCall,
): Promise<FeeQuote> {
  const from = partyOf(request.parcel, 'ORIGIN', request.requester.telephone);
  const to = partyOf(request.parcel, 'DESTINATION', request.requester.telephone);
  if (from === undefined || to === undefined) {
    throw invalidField(
      'trackingNumber',
      'UPS tracking shows no full origin and destination address, which a charges request needs',
    );
  }
  const rating: UpsRatingRequest = {
    fromAddress: from,
    toAddress: to,
    trackInfo: { interceptOption: request.option },
    ...(request.redirectAddress === undefined || request.redirectAddress.addressInfo === undefined
      ? {}
      : {
          redirectAddress: {
            addressNickName: request.redirectAddress.addressNickName ?? 'Parcelgate redirect',
            addressInfo: request.redirectAddress.addressInfo,
            nameOrCompanyName: request.redirectAddress.nameOrCompanyName ?? '',
            contactName: request.redirectAddress.contactName ?? '',
            phoneNumber: request.redirectAddress.phoneNumber ?? '',
          },
        }),
  };
  const body: UpsChargesRequest = { ratingRequest: [rating] };
  const response = await sendUpsRequest(ctx, {
    method: 'POST',
    path: upsInterceptPath('charges', request.trackingNumber),
    query: { loc: 'en_US' },
    headers: UPS_INTERCEPT_HEADERS,
    body,
    // A quote changes nothing at UPS: asking again is harmless.
    idempotent: true,
  });
  if (response.status < 200 || response.status >= 300) {
    throw await classifyUpsFailure(ctx, response);
  }
  const answer = await parseJsonResponse(
    response,
    { carrierId: UPS_CARRIER_ID, mutation: false },
    (json) => parseUpsChargeAnswer(json, request.trackingNumber),
  );
  if (answer.quote === undefined) {
    throw new CarrierNotEligibleError({
      carrierId: UPS_CARRIER_ID,
      httpStatus: response.status,
      requestSent: true,
      reason: 'carrier_refused',
      message: `ups quoted no charge for ${request.option}${answer.code === undefined ? '' : ` (${answer.code})`}`,
      ...(answer.code === undefined ? {} : { carrierCode: answer.code }),
    });
  }
  return answer.quote;
}

/** UPS's parts of a charge, as `lines` (they overlap: accessorial includes the intercept charge). */
const CHARGE_LINES = [
  'interceptCharge',
  'accessorialCharge',
  'transportationCharge',
  'totalTax',
] as const;

/**
 * Reads the quote of one package from a charges answer; `quote` is undefined when UPS
 * quoted none (`success: false`, no `chargeInfo`, a total that is no amount), with UPS's
 * error code when it gave one.
 */
export function parseUpsChargeAnswer(
  body: unknown,
  trackingNumber: string,
): { readonly quote: FeeQuote | undefined; readonly code: string | undefined } {
  const response = readObject(readObject(body, 'charges').response, 'response');
  const code = firstError(response.errors)?.code;
  if (response.success === false) {
    return { quote: undefined, code };
  }
  const charges = readArray(response.chargeInfo, 'response.chargeInfo').filter(isJsonObject);
  const charge = charges.find((item) => item.trackingNumber === trackingNumber) ?? charges[0];
  const currency =
    charge === undefined
      ? undefined
      : readOptionalString(charge.chargeCurrency, 'chargeInfo.chargeCurrency');
  if (charge === undefined || currency === undefined || !CURRENCY.test(currency)) {
    return { quote: undefined, code };
  }
  const total = moneyOf(charge.totalCharge, currency);
  if (total === undefined) {
    return { quote: undefined, code };
  }
  const lines = CHARGE_LINES.flatMap((label) => {
    const amount = moneyOf(charge[label], currency);
    return amount === undefined ? [] : [{ label, amount }];
  });
  return { quote: { amount: total, ...(lines.length === 0 ? {} : { lines }) }, code };
}

/** Reads the fee of one package from a charges answer; undefined when UPS quoted none. */
export function parseUpsCharge(body: unknown, trackingNumber: string): Money | undefined {
  return parseUpsChargeAnswer(body, trackingNumber).quote?.amount;
}

/** UPS's `"21.00"` as money, leading zeros dropped; undefined for anything else. */
function moneyOf(value: unknown, currency: string): Money | undefined {
  return typeof value === 'string' && AMOUNT.test(value)
    ? { amount: value.replace(/^0+(?=\d)/, ''), currency }
    : undefined;
}

type RatingParty = UpsRatingRequest['fromAddress'];

function partyOf(
  parcel: UpsPackageView,
  type: 'ORIGIN' | 'DESTINATION',
  phoneNumber: string,
): RatingParty | undefined {
  const entry = parcel.packageAddresses.find((address) => address.type === type);
  const address: JsonObject | undefined = isJsonObject(entry?.address) ? entry.address : undefined;
  const name = typeof entry?.name === 'string' && entry.name !== '' ? entry.name : undefined;
  const line1 = text(address?.addressLine1);
  const city = text(address?.city);
  const state = text(address?.stateProvince);
  const postalCode = text(address?.postalCode);
  const countryCode = text(address?.countryCode) ?? text(address?.country);
  if (
    name === undefined ||
    line1 === undefined ||
    city === undefined ||
    state === undefined ||
    postalCode === undefined ||
    countryCode === undefined
  ) {
    return undefined;
  }
  return {
    addressLine1: line1,
    city,
    state,
    postalCode,
    countryCode,
    firstName: name,
    phoneNumber,
  };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
