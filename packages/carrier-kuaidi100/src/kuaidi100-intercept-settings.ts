import { type CarrierContext, CarrierInvalidRequestError } from '@parcelgate/carrier-kit';
import { KUAIDI100_CARRIER_ID, readOptionalCredential } from './kuaidi100-request.ts';

/** Where a returned parcel may go (`interceptType` of a return to sender). */
const KUAIDI100_RETURN_TYPES = ['RETURN_SEND_ADDR', 'RETURN_SEND_STATION'] as const;

/** Who pays for the intercept (`interceptPayType`): 寄付, 到付, 第三方月结, 寄付月结. */
const KUAIDI100_PAY_TYPES = ['SHIPPER', 'CONSIGNEE', 'THIRDPARTY', 'MONTHLY'] as const;

/** Whose behalf `interceptOrder` is sent on (`orderRole`): sender, recipient, third party. */
const KUAIDI100_ORDER_ROLES = ['1', '2', '3'] as const;

/** The connection's settings for `interceptOrder`, each one the merchant's to decide. */
export interface Kuaidi100InterceptSettings {
  readonly returnType: (typeof KUAIDI100_RETURN_TYPES)[number];
  readonly payType: (typeof KUAIDI100_PAY_TYPES)[number];
  readonly orderRole: (typeof KUAIDI100_ORDER_ROLES)[number];
  readonly partnerId: string | undefined;
  readonly partnerKey: string | undefined;
}

/**
 * Reads who pays, on whose behalf, with which e-waybill account and where a returned
 * parcel goes, from the connection only: a request cannot move money or parcels. An
 * unknown configured value is refused before anything is sent, naming the setting.
 */
export function readKuaidi100InterceptSettings(ctx: CarrierContext): Kuaidi100InterceptSettings {
  return {
    returnType: oneOf(ctx, 'interceptType', 'INTERCEPT_TYPE', KUAIDI100_RETURN_TYPES),
    payType: oneOf(ctx, 'interceptPayType', 'INTERCEPT_PAY_TYPE', KUAIDI100_PAY_TYPES, 'MONTHLY'),
    orderRole: oneOf(ctx, 'orderRole', 'ORDER_ROLE', KUAIDI100_ORDER_ROLES),
    partnerId: readOptionalCredential(ctx, 'partnerId'),
    partnerKey: readOptionalCredential(ctx, 'partnerKey'),
  };
}

/** The configured value when it is one of `allowed`, else `fallback` (the first by default). */
function oneOf<const Value extends string>(
  ctx: CarrierContext,
  field: 'interceptType' | 'interceptPayType' | 'orderRole',
  env: string,
  allowed: readonly [Value, ...Value[]],
  fallback: Value = allowed[0],
): Value {
  const value = readOptionalCredential(ctx, field);
  if (value === undefined) {
    return fallback;
  }
  const match = allowed.find((candidate) => candidate === value);
  if (match === undefined) {
    throw new CarrierInvalidRequestError({
      carrierId: KUAIDI100_CARRIER_ID,
      message: `kuaidi100: CARRIER_KUAIDI100_${env} must be one of ${allowed.join(', ')}`,
      field,
      requestSent: false,
    });
  }
  return match;
}
