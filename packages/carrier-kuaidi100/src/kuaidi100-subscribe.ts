import type { CarrierContext } from '@parcelgate/carrier-kit';
import { isCarrierError } from '@parcelgate/carrier-kit';
import { parseJsonResponse } from '@parcelgate/carrier-kit/wire';
import { classifyKuaidi100Answer, classifyKuaidi100Failure } from './classify-kuaidi100-failure.ts';
import {
  KUAIDI100_CARRIER_ID,
  KUAIDI100_ROUTES,
  postKuaidi100Form,
  readCredential,
} from './kuaidi100-request.ts';
import { readKuaidi100Error } from './kuaidi100-wire.ts';
import { KUAIDI100_RESULTV2 } from './map-kuaidi100-state.ts';

/** A parcel to subscribe to. */
export interface Kuaidi100Subscription {
  readonly com: string;
  readonly trackingNumber: string;
  readonly phone?: string;
}

/**
 * Subscribes a parcel to Kuaidi100's push (订阅): `POST poll` with form fields
 * `schema=json` and `param = {company, number, key, parameters: {callbackurl, salt,
 * resultv2: "4", phone?}}` (kuaidi100-api/php-demo src/subscribe.php; `4` for the advanced
 * states, as in queries). Kuaidi100 then POSTs
 * every route change to `callbackurl`, signed `MD5(param + salt)`. A second subscription
 * of the same parcel is answered 501 ("重复订阅"), which is success for us.
 */
export async function subscribeKuaidi100Parcel(
  ctx: CarrierContext,
  subscription: Kuaidi100Subscription,
  callbackUrl: string,
): Promise<void> {
  const key = readCredential(ctx, 'key', 'KEY');
  const salt = readCredential(ctx, 'salt', 'SALT');
  const param = JSON.stringify({
    company: subscription.com,
    number: subscription.trackingNumber,
    key,
    parameters: {
      callbackurl: callbackUrl,
      salt,
      resultv2: KUAIDI100_RESULTV2,
      ...(subscription.phone === undefined ? {} : { phone: subscription.phone }),
    },
  });
  const response = await postKuaidi100Form(ctx, {
    route: KUAIDI100_ROUTES.subscribe,
    fields: { schema: 'json', param },
    // Subscribing twice changes nothing: Kuaidi100 answers "重复订阅".
    idempotent: true,
  });
  if (response.status !== 200) {
    throw await classifyKuaidi100Failure(ctx, response, 'subscribe');
  }
  await parseJsonResponse(
    response,
    { carrierId: KUAIDI100_CARRIER_ID, mutation: false },
    (body) => {
      const error = readKuaidi100Error(body);
      if (error !== undefined && error.returnCode !== '501') {
        throw classifyKuaidi100Answer(ctx, error, 'subscribe');
      }
    },
  );
}

/**
 * After Kuaidi100 took an intercept or redirect, subscribes the parcel so its way back
 * (退回, 退签) or to the new address arrives as pushes, driving the gateway's lifecycle
 * without waiting for a reconciliation poll. Best effort: the intercept already happened,
 * so a failed subscription is logged, never thrown (the gateway still reconciles by
 * tracking). Skipped when the gateway has no public URL to be pushed to.
 */
export async function subscribeAfterMutation(
  ctx: CarrierContext,
  subscription: Kuaidi100Subscription,
): Promise<void> {
  if (ctx.callbackUrl === undefined) {
    return;
  }
  try {
    await subscribeKuaidi100Parcel(ctx, subscription, ctx.callbackUrl);
  } catch (error) {
    ctx.logger.warn('kuaidi100 subscription after an intercept failed; tracking will reconcile', {
      com: subscription.com,
      kind: isCarrierError(error) ? error.kind : 'aborted',
    });
  }
}
