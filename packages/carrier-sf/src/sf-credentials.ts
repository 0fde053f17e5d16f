import {
  CarrierAuthenticationError,
  type CarrierCredentials,
  type CredentialSpec,
} from '@parcelgate/carrier-kit';

/** The adapter's id: the `sf` in URLs, config keys (`CARRIER_SF_*`) and metrics. */
export const SF_CARRIER_ID = 'sf';

/**
 * What SF needs from configuration (丰桥 "数字签名认证"): the partner id (顾客编码) and
 * the checkword (校验码) that signs every request and every route push; plus the wanted
 * intercept's payment settings and the address a returned parcel goes back to, which SF's
 * `EXP_RECE_WANTED_INTERCEPT` asks for and which only the merchant knows. Sandbox defaults
 * are what the simulator accepts (and signs its pushes with).
 */
export const sfCredentials = [
  {
    key: 'partnerId',
    env: 'PARTNER_ID',
    description: 'SF partner id (顾客编码), sent as partnerID',
    secret: false,
    required: true,
    sandboxDefault: 'PARCELGATE_SIM',
  },
  {
    key: 'checkword',
    env: 'CHECKWORD',
    description: 'SF checkword (校验码): signs requests (msgDigest) and verifies route pushes',
    secret: true,
    required: true,
    sandboxDefault: 'sfsim-checkword-0001',
  },
  {
    key: 'payMode',
    env: 'PAY_MODE',
    description:
      'Who pays a wanted intercept (payMode): 1 sender cash, 2 recipient, 3 third-party monthly account, 4 sender monthly account (default 4)',
    secret: false,
    required: false,
  },
  {
    key: 'monthlyCardNo',
    env: 'MONTHLY_CARD_NO',
    description: 'SF monthly account (月结卡号), required by SF for payMode 3 and 4',
    secret: false,
    required: false,
    sandboxDefault: '7550000001',
  },
  {
    key: 'returnProvince',
    env: 'RETURN_PROVINCE',
    description: 'Province of the address returned parcels go back to (newDestAddress.province)',
    secret: false,
    required: false,
    sandboxDefault: '广东省',
  },
  {
    key: 'returnCity',
    env: 'RETURN_CITY',
    description: 'City of the return address (newDestAddress.city)',
    secret: false,
    required: false,
    sandboxDefault: '深圳市',
  },
  {
    key: 'returnCounty',
    env: 'RETURN_COUNTY',
    description: 'District of the return address (newDestAddress.county)',
    secret: false,
    required: false,
    sandboxDefault: '南山区',
  },
  {
    key: 'returnAddress',
    env: 'RETURN_ADDRESS',
    description: 'Street address returned parcels go back to (newDestAddress.address)',
    secret: false,
    required: false,
    sandboxDefault: '科技园南区1号仓',
  },
  {
    key: 'returnContact',
    env: 'RETURN_CONTACT',
    description: 'Contact person at the return address (newDestAddress.contact)',
    secret: false,
    required: false,
    sandboxDefault: '退货仓',
  },
  {
    key: 'returnPhone',
    env: 'RETURN_PHONE',
    description: 'Phone at the return address (newDestAddress.phone)',
    secret: false,
    required: false,
    sandboxDefault: '075500000000',
  },
] as const satisfies CredentialSpec;

/** The keys of {@link sfCredentials}. */
export type SfCredentialKey = (typeof sfCredentials)[number]['key'];

/**
 * The values the adapter reads from `ctx.credentials`: partner id and checkword always,
 * the rest when configured.
 */
export type SfCredentials = { readonly partnerId: string; readonly checkword: string } & {
  readonly [Key in Exclude<SfCredentialKey, 'partnerId' | 'checkword'>]?: string;
};

/**
 * The configured credentials; without partner id or checkword nothing can be signed, so
 * this throws `CarrierAuthenticationError` with `requestSent: false`.
 */
export function readSfCredentials(credentials: CarrierCredentials): SfCredentials {
  const partnerId = credentials.partnerId;
  const checkword = credentials.checkword;
  if (partnerId === undefined || partnerId === '' || checkword === undefined || checkword === '') {
    throw new CarrierAuthenticationError({
      carrierId: SF_CARRIER_ID,
      message:
        'sf: partner id and checkword must be configured (CARRIER_SF_PARTNER_ID, CARRIER_SF_CHECKWORD)',
      requestSent: false,
    });
  }
  return { ...credentials, partnerId, checkword };
}
