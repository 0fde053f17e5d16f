import { type CarrierContext, CarrierInvalidRequestError } from '@parcelgate/carrier-kit';
import { parseJsonResponse } from '@parcelgate/carrier-kit/wire';
import { classifyKuaidi100Answer, classifyKuaidi100Failure } from './classify-kuaidi100-failure.ts';
import { readCompanyOption } from './kuaidi100-companies.ts';
import { KUAIDI100_CARRIER_ID, KUAIDI100_ROUTES, readCredential } from './kuaidi100-request.ts';
import { parseKuaidi100Autonumber, readKuaidi100Error } from './kuaidi100-wire.ts';

/**
 * The company (`com`) behind a parcel: `carrierOptions.com` when the caller passed it,
 * else Kuaidi100's own number recognition (智能单号识别, `GET autonumber/auto?num=&key=`,
 * kuaidi100-api/java-demo AutoNum + ApiInfoConstant.AUTO_NUM_URL), whose first candidate
 * is its best guess. Recognition is a guess: callers who know the carrier should say so.
 */
export async function resolveKuaidi100Company(
  ctx: CarrierContext,
  trackingNumber: string,
  carrierOptions: Readonly<Record<string, string>> | undefined,
): Promise<string> {
  const given = readCompanyOption(carrierOptions);
  if (given !== undefined) {
    return given;
  }
  const key = readCredential(ctx, 'key', 'KEY');
  const response = await ctx.http.request({
    method: 'GET',
    ...KUAIDI100_ROUTES.autonumber,
    query: { num: trackingNumber, key },
    headers: { accept: 'application/json' },
    signal: ctx.signal,
  });
  if (response.status !== 200) {
    throw await classifyKuaidi100Failure(ctx, response, 'autonumber');
  }
  const candidates = await parseJsonResponse(
    response,
    { carrierId: KUAIDI100_CARRIER_ID, mutation: false },
    (body) => {
      const error = readKuaidi100Error(body);
      if (error !== undefined) {
        throw classifyKuaidi100Answer(ctx, error, 'autonumber');
      }
      return parseKuaidi100Autonumber(body);
    },
  );
  const [best] = candidates;
  if (best === undefined) {
    throw new CarrierInvalidRequestError({
      carrierId: KUAIDI100_CARRIER_ID,
      message:
        'kuaidi100: cannot tell which carrier issued this tracking number; pass carrierOptions.com',
      field: 'carrierOptions.com',
      httpStatus: 200,
      requestSent: true,
    });
  }
  return best;
}
