import type { CarrierCallbackContext } from '@parcelgate/carrier-kit';
import { describe, expect, it } from 'vitest';
import trackAlertDelivered from './__fixtures__/track-alert-delivered.json' with { type: 'json' };
import trackAlertOutForDelivery from './__fixtures__/track-alert-out-for-delivery.json' with {
  type: 'json',
};
import { upsCallbacks } from './ups-track-alert.ts';
import { constantTimeEqual } from './verify-ups-push.ts';

const CREDENTIAL = 'unit-webhook-credential-91d0';

function context(
  credentials: Readonly<Record<string, string>> = { webhookCredential: CREDENTIAL },
) {
  const ctx: CarrierCallbackContext = {
    credentials,
    logger: { debug() {}, info() {}, warn() {}, error() {} },
    clock: { now: () => new Date('2024-04-23T14:00:00Z') },
  };
  return ctx;
}

function push(body: unknown, headers: Readonly<Record<string, string>> = {}) {
  return {
    headers: {
      'user-agent': 'UPSPubSubTrackingService',
      'x-api-key': 'ups-client-id',
      authorization: `Bearer ${CREDENTIAL}`,
      ...headers,
    },
    query: {},
    rawBody: typeof body === 'string' ? body : JSON.stringify(body),
  };
}

describe('Track Alert pushes', () => {
  it('turns the spec example into an out-for-delivery event, acknowledged with a 200', async () => {
    const result = await upsCallbacks.handle(context(), push(trackAlertOutForDelivery));
    expect(result).toEqual({
      events: [
        {
          trackingNumber: '1Z204W4R0308071865',
          event: {
            // No gmtOffset in the example: worked out from local 09:15:19 and GMT 13:15:19.
            occurredAt: '2024-04-23T09:15:19-04:00',
            status: 'out_for_delivery',
            description: 'Out for Delivery',
            location: { city: 'Charlotte', region: 'NC', postalCode: '30004', country: 'US' },
            raw: { code: 'I', description: 'Out for Delivery' },
          },
        },
      ],
      outcomes: [],
      acknowledgement: { status: 200, contentType: 'application/json', body: '{}' },
    });
  });

  it('reads the delivery example as delivered', async () => {
    const result = await upsCallbacks.handle(context(), push(trackAlertDelivered));
    expect(result.events[0]?.event).toMatchObject({ status: 'delivered', raw: { code: 'D' } });
  });

  it('reports a return under way and a return completed as intercept outcomes', async () => {
    const returning = {
      ...trackAlertOutForDelivery,
      activityStatus: { type: 'I', code: 'H8', description: 'Returning to Sender' },
    };
    const returned = {
      ...trackAlertDelivered,
      activityStatus: { type: 'D', code: 'RS', description: 'Returned to Sender' },
      gmtOffset: '-04.00',
    };
    const result = await upsCallbacks.handle(context(), push([returning, returned]));
    expect(result.events.map((entry) => entry.event.status)).toEqual([
      'return_in_transit',
      'returned',
    ]);
    expect(result.outcomes).toEqual([
      {
        operation: 'intercept',
        trackingNumber: '1Z204W4R0308071865',
        result: { outcome: 'returning', message: 'Returning to Sender' },
      },
      {
        operation: 'intercept',
        trackingNumber: '1Z204W4R0308071865',
        result: { outcome: 'returned', message: 'Returned to Sender' },
      },
    ]);
  });

  it("accepts v1's credential header and trims the v1 example's padded number", async () => {
    const result = await upsCallbacks.handle(
      context(),
      push(
        { ...trackAlertDelivered, trackingNumber: ' 1ZABCXYZ0112346789' },
        { authorization: '', credential: CREDENTIAL },
      ),
    );
    expect(result.events[0]?.trackingNumber).toBe('1ZABCXYZ0112346789');
  });

  it.each([
    ['a wrong bearer', { authorization: 'Bearer not-the-credential' }],
    ['a credential one character short', { authorization: `Bearer ${CREDENTIAL.slice(0, -1)}` }],
    ['no credential at all', { authorization: '' }],
  ])('refuses %s as authentication', async (_case, headers) => {
    await expect(
      upsCallbacks.handle(context(), push(trackAlertDelivered, headers)),
    ).rejects.toMatchObject({
      kind: 'authentication',
    });
  });

  it('refuses every push when no credential is configured', async () => {
    await expect(upsCallbacks.handle(context({}), push(trackAlertDelivered))).rejects.toMatchObject(
      {
        kind: 'authentication',
      },
    );
  });

  it('checks x-api-key when a webhook client id is configured', async () => {
    const strict = context({ webhookCredential: CREDENTIAL, webhookClientId: 'ups-client-id' });
    await expect(upsCallbacks.handle(strict, push(trackAlertDelivered))).resolves.toBeDefined();
    await expect(
      upsCallbacks.handle(strict, push(trackAlertDelivered, { 'x-api-key': 'someone-else' })),
    ).rejects.toMatchObject({ kind: 'authentication' });
  });

  it.each([
    ['not JSON', '{"trackingNumber":'],
    ['no status', { trackingNumber: '1Z204W4R0308071865' }],
    ['a number that is not UPS', { ...trackAlertDelivered, trackingNumber: 'SBX100000016' }],
  ])('refuses a body with %s as invalid-request', async (_case, body) => {
    await expect(upsCallbacks.handle(context(), push(body))).rejects.toMatchObject({
      kind: 'invalid-request',
    });
  });
});

describe('constantTimeEqual', () => {
  it('is true only for equal strings, whatever the lengths', () => {
    expect(constantTimeEqual(CREDENTIAL, CREDENTIAL)).toBe(true);
    expect(constantTimeEqual(CREDENTIAL, `${CREDENTIAL}x`)).toBe(false);
    expect(constantTimeEqual(CREDENTIAL, CREDENTIAL.toUpperCase())).toBe(false);
    expect(constantTimeEqual('', '')).toBe(true);
  });
});
