import type { RequestOptionSpec } from '@parcelgate/carrier-kit';

/**
 * What a request may set in `carrierOptions`: only the district (`county`) of a redirect's
 * new address, which SF's address has and ours does not. It belongs to the address the
 * caller already chooses in the same request, so it cannot send the parcel anywhere the
 * caller could not. Who pays (`payMode`, `monthlyCardNo`) and where a returned parcel goes
 * (`return*`) are settings of the connection (see `sfCredentials`), never of a request.
 */
export const sfRequestOptions = [
  {
    key: 'county',
    description:
      "District (区/县) of the redirect's new address, sent as newDestAddress.county; without it SF reads the district from the street line",
    operations: ['redirect'],
    pattern: '^\\S{1,40}$',
    example: '浦东新区',
  },
] as const satisfies RequestOptionSpec;
