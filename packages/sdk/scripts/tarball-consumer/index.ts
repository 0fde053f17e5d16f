/**
 * A user's program, type-checked and run against the packed tarball installed from a
 * throwaway project outside the workspace (scripts/check-tarball.ts). Every operation is
 * called with its real types; `IsAny` checks prove no answer is `any`. It runs with Node's
 * type stripping: only the webhook verifier and a failing connection are exercised live,
 * since no gateway runs here.
 */
import {
  constructWebhookEvent,
  createParcelgateClient,
  type Intercept,
  isConnectionError,
  isNotEligible,
  type ParcelgateClient,
  verifyWebhookSignature,
  type WebhookEventOf,
} from '@parcelgate/sdk';
import type { paths, webhooks } from '@parcelgate/sdk/openapi';

type IsAny<Value> = 0 extends 1 & Value ? true : false;
const notAny = <Value>(_value: Value, _proof: IsAny<Value> extends false ? true : never) => {};

/** Calls every operation; compiled, not run (there is no gateway here). */
export async function everyOperation(client: ParcelgateClient): Promise<Intercept> {
  const { data: carriers } = await client.carriers.list();
  notAny(carriers, true);
  const tracking = await client.tracking.get('auto', 'SBX100000016', { preferWaitSeconds: 2 });
  notAny(tracking.interception.possible, true);
  const request = {
    carrier: 'sandbox',
    trackingNumber: 'SBX100000016',
    reason: 'buyer_cancelled',
    pickupMode: 'platform_pickup',
    parcel: { declaredValue: { amount: '129.00', currency: 'CNY' } },
  } as const;
  const eligibility = await client.intercepts.checkEligibility(request);
  notAny(eligibility.nextActions, true);
  // @ts-expect-error: the reason must be one of the document's values
  await client.intercepts.create({ ...request, reason: 'whim' });
  const intercept = await client.intercepts.create(request, { idempotencyKey: 'order-1-cancel' });
  const status:
    | 'pending'
    | 'accepted'
    | 'returning'
    | 'returned'
    | 'rejected'
    | 'failed'
    | 'cancelled' = intercept.status;
  notAny(status, true);
  await client.intercepts.get(intercept.id);
  for await (const item of client.intercepts.list({ status: 'accepted' })) {
    notAny(item, true);
  }
  await client.intercepts.listPage({ limit: 10 });
  const redirect = await client.redirects.create({
    carrier: 'sandbox',
    trackingNumber: 'SBX100000016',
    orderRef: 'TTS-5801',
    reason: 'address_error',
    newAddress: {
      name: 'Li Lei',
      phone: '+8613800000000',
      line1: '1 Renmin Rd',
      city: 'Suzhou',
      country: 'CN',
    },
  });
  await client.redirects.get(redirect.id);
  for await (const page of client.redirects.list().pages()) {
    notAny(page.nextCursor, true);
  }
  await client.redirects.listPage();
  await client.policy.replace({ redirect: { whenFreeUsed: 'refuse' } });
  notAny((await client.policy.get()).effective, true);
  const connection = await client.carrierConnections.create({
    carrier: 'sandbox',
    label: 'own account',
    mode: 'test',
    credentials: { apiKey: 'sbx_0123456789' },
  });
  const mode: 'test' | 'live' = connection.mode;
  notAny(mode, true);
  await client.carrierConnections.list({ carrier: 'sandbox' });
  await client.carrierConnections.get(connection.id);
  await client.carrierConnections.update(connection.id, { credentials: { apiKey: 'sbx_new' } });
  notAny((await client.carrierConnections.test(connection.id)).outcome, true);
  await client.carrierConnections.delete(connection.id);
  const parcel = await client.parcels.register({ carrier: 'sandbox', trackingNumber: 'SBX1' });
  await client.parcels.get(parcel.id);
  for await (const item of client.parcels.list({ carrier: 'sandbox' })) {
    notAny(item.orderRef, true);
  }
  await client.parcels.listPage({ limit: 10 });
  for await (const event of client.events.list({ type: ['intercept.returned'] })) {
    if (event.type === 'intercept.returned') {
      notAny(event.data.orderRef, true);
    }
  }
  const event = await client.events.get('evt_01JD3K9V7Q8M2N4P6R8T0V2X4Z');
  await client.events.redeliver(event.id, { endpointId: 'whe_01JD3K9V7Q8M2N4P6R8T0V2X4Z' });
  const endpoint = await client.webhookEndpoints.create({ url: 'https://example.com/hooks' });
  notAny(endpoint.secret, true);
  await client.webhookEndpoints.list();
  await client.webhookEndpoints.update(endpoint.id, { enabled: false });
  notAny((await client.webhookEndpoints.rotateSecret(endpoint.id)).secret, true);
  notAny((await client.webhookEndpoints.test(endpoint.id)).attempts, true);
  for await (const delivery of client.webhookEndpoints.deliveries(endpoint.id)) {
    notAny(delivery.status, true);
  }
  await client.webhookEndpoints.delete(endpoint.id);
  const returned: WebhookEventOf<'intercept.returned'> = await constructWebhookEvent(
    '{}',
    new Headers(),
    endpoint.secret,
  ).then((received) => received as WebhookEventOf<'intercept.returned'>);
  notAny(returned.data.status, true);
  const delivered: webhooks['intercept.returned']['post']['requestBody']['content']['application/json'] =
    returned;
  notAny(delivered, true);
  const raw: paths['/v1/intercepts']['post']['requestBody']['content']['application/json'] =
    request;
  notAny(raw, true);
  return intercept;
}

// Live: the installed runtime (and its npm dependencies) loads and runs.
const verified = await verifyWebhookSignature(
  '{"test": 2432232314}',
  new Headers({
    'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
    'webhook-timestamp': '1614265330',
    'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
  }),
  'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  { now: 1614265330_000 },
);
const client = createParcelgateClient({
  baseUrl: 'http://127.0.0.1:9',
  apiKey: 'k',
  maxRetries: 1,
});
const failure = await client.carriers.list().then(
  () => undefined,
  (error: unknown) => error,
);
if (
  verified.id !== 'msg_p5jXN8AQM9LWM0D4loKWxJek' ||
  !isConnectionError(failure) ||
  isNotEligible(failure)
) {
  throw new Error(`the installed SDK misbehaved: ${String(failure)}`);
}
console.log(
  'tarball consumer: webhook verified, connection error typed, every operation type-checks',
);
