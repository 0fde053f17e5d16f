import { type CarrierContext, isCarrierError, type Money } from '@parcelgate/carrier-kit';
import { parseJsonResponse } from '@parcelgate/carrier-kit/wire';
import { classifyUpsFailure } from './classify-ups-failure.ts';
import {
  isJsonObject,
  type JsonObject,
  readArray,
  readObject,
  readOptionalString,
} from './read-json.ts';
import { UPS_CARRIER_ID } from './ups-ids.ts';
import { UPS_INTERCEPT_HEADERS, upsInterceptPath } from './ups-intercept-call.ts';
import { sendUpsRequest } from './ups-request.ts';
import type { UpsPackageView } from './ups-track-wire.ts';
import type { UpsChargesRequest, UpsInterceptRequest, UpsRatingRequest } from './ups-wire-types.ts';

/** What a quote is for: return to sender, or delivery to another address. */
export type UpsQuoteOption = Extract<UpsRatingRequest['trackInfo']['interceptOption'], 'RS' | 'AA'>;

const AMOUNT = /^\d{1,17}\.\d{2}$/;
const CURRENCY = /^[A-Z]{3}$/;

/**
 * Quotes what UPS would charge for an intercept: POST /charges/{tracking_number}
 * (DeliveryIntercept.yaml, getCharges), reading `totalCharge` and `chargeCurrency` of
 * the package's `chargeInfo`. UPS rates by the shipment's addresses, which the request
 * must repeat: they come from the Track API's `packageAddress` (ORIGIN, DESTINATION),
 * with the configured requester's phone where UPS wants one (the track answer has none).
 *
 * Best effort by design: the fee is information (UPS charges it only if the intercept
 * happens), so no quote (addresses unknown, an error, an odd answer) never stops the
 * intercept; it is logged and the answer carries no fee. An abort still propagates.
 */
export async function quoteUpsIntercept(
  ctx: CarrierContext,
  request: {
    readonly trackingNumber: string;
    readonly option: UpsQuoteOption;
    readonly parcel: UpsPackageView;
    readonly requester: UpsInterceptRequest['requesterContactInfo'];
    readonly redirectAddress?: UpsInterceptRequest['newDeliveryAddress'];
  },
): Promise<Money | undefined> {
  const from = partyOf(request.parcel, 'ORIGIN', request.requester.telephone);
  const to = partyOf(request.parcel, 'DESTINATION', request.requester.telephone);
  if (from === undefined || to === undefined) {
    ctx.logger.debug('ups fee quote skipped: tracking shows no full origin and destination');
    return undefined;
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
  try {
    const response = await sendUpsRequest(ctx, {
      method: 'POST',
      path: upsInterceptPath('charges', request.trackingNumber),
      query: { loc: 'en_US' },
      headers: UPS_INTERCEPT_HEADERS,
      body,
    });
    if (response.status < 200 || response.status >= 300) {
      throw await classifyUpsFailure(ctx, response);
    }
    return await parseJsonResponse(
      response,
      { carrierId: UPS_CARRIER_ID, mutation: false },
      (answer) => parseUpsCharge(answer, request.trackingNumber),
    );
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

/** Reads the fee of one package from a charges answer; undefined when UPS quoted none. */
export function parseUpsCharge(body: unknown, trackingNumber: string): Money | undefined {
  const response = readObject(readObject(body, 'charges').response, 'response');
  if (response.success === false) {
    return undefined;
  }
  const charges = readArray(response.chargeInfo, 'response.chargeInfo').filter(isJsonObject);
  const charge = charges.find((item) => item.trackingNumber === trackingNumber) ?? charges[0];
  if (charge === undefined) {
    return undefined;
  }
  const amount = readOptionalString(charge.totalCharge, 'chargeInfo.totalCharge');
  const currency = readOptionalString(charge.chargeCurrency, 'chargeInfo.chargeCurrency');
  if (
    amount === undefined ||
    currency === undefined ||
    !AMOUNT.test(amount) ||
    !CURRENCY.test(currency)
  ) {
    return undefined;
  }
  return { amount: amount.replace(/^0+(?=\d)/, ''), currency };
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
