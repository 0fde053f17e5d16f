import type { RequestOptionSpec } from '@parcelgate/carrier-kit';

/**
 * What a request may set in `carrierOptions`: only `com`, the company that issued the
 * number. It identifies the parcel, like the number itself; a wrong one makes Kuaidi100
 * answer "not found" and cannot bill anyone or move a parcel. Where a returned parcel goes
 * (`interceptType`), who pays (`interceptPayType`), on whose behalf (`orderRole`) and with
 * which account (`partnerId`) are settings of the connection (see `kuaidi100Credentials`).
 */
export const kuaidi100RequestOptions = [
  {
    key: 'com',
    description:
      'Kuaidi100 company code (快递公司编码) of the carrier that issued the number, e.g. zhongtong; without it Kuaidi100 number recognition guesses',
    operations: ['track', 'intercept', 'redirect'],
    pattern: '^[A-Za-z0-9_]{2,40}$',
    example: 'zhongtong',
  },
] as const satisfies RequestOptionSpec;
