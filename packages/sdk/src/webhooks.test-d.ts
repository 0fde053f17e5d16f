/**
 * Type tests of events and webhooks (checked by tsc through Vitest's typecheck, never run):
 * narrowing an event by `type` gives the right `data`, and the resources take only what the
 * document allows.
 */
import { describe, expectTypeOf, it } from 'vitest';
import {
  type CreatedWebhookEndpoint,
  constructWebhookEvent,
  createParcelgateClient,
  type EventList,
  type Intercept,
  type InterceptEvent,
  type PageIterable,
  type ParcelStatusChange,
  type Redirect,
  type RotatedSecret,
  type WebhookDelivery,
  type WebhookDeliveryList,
  type WebhookEndpoint,
  type WebhookEvent,
  type WebhookEventOf,
  type WebhookEventType,
} from './index.ts';
import type { components, webhooks } from './openapi.ts';

const client = createParcelgateClient({ baseUrl: 'https://gateway.test', apiKey: 'k' });
declare const event: WebhookEvent;

describe('WebhookEvent', () => {
  it('narrows data by type in a switch', () => {
    switch (event.type) {
      case 'intercept.returned':
      case 'intercept.needs_attention':
        expectTypeOf(event.data).toEqualTypeOf<Intercept>();
        expectTypeOf(event.objectKind).toEqualTypeOf<'intercept'>();
        break;
      case 'redirect.redirected':
        expectTypeOf(event.data).toEqualTypeOf<Redirect>();
        break;
      case 'parcel.status_changed':
        expectTypeOf(event.data).toEqualTypeOf<ParcelStatusChange>();
        expectTypeOf(event.data.previousStatus).toEqualTypeOf<
          ParcelStatusChange['status'] | null
        >();
        break;
      case 'webhook_endpoint.disabled':
        expectTypeOf(event.data).toEqualTypeOf<WebhookEndpoint>();
        break;
      default:
        expectTypeOf(event.data).not.toBeAny();
    }
  });

  it('narrows by objectKind too', () => {
    if (event.objectKind === 'intercept') {
      expectTypeOf(event).toExtend<InterceptEvent>();
      expectTypeOf(event.data).toEqualTypeOf<Intercept>();
    }
  });

  it('WebhookEventOf picks one type, or each of a union, with type and data narrowed', () => {
    expectTypeOf<
      WebhookEventOf<'intercept.returned'>['type']
    >().toEqualTypeOf<'intercept.returned'>();
    expectTypeOf<WebhookEventOf<'intercept.returned'>['data']>().toEqualTypeOf<Intercept>();
    expectTypeOf<WebhookEventOf<'redirect.failed'>['data']>().toEqualTypeOf<Redirect>();
    expectTypeOf<
      WebhookEventOf<'parcel.status_changed'>['data']
    >().toEqualTypeOf<ParcelStatusChange>();
    expectTypeOf<
      WebhookEventOf<'webhook_endpoint.test'>['data']
    >().toEqualTypeOf<WebhookEndpoint>();
    expectTypeOf<
      WebhookEventOf<'intercept.failed' | 'parcel.status_changed'>['type']
    >().toEqualTypeOf<'intercept.failed' | 'parcel.status_changed'>();
    expectTypeOf<WebhookEventOf<'intercept.returned'>>().toExtend<WebhookEvent>();
    // @ts-expect-error: not an event type
    expectTypeOf<WebhookEventOf<'intercept.teleported'>>().not.toBeAny();
  });

  it('passes a narrowed event on as WebhookEventOf<its type>', () => {
    const refund = (returned: WebhookEventOf<'intercept.returned'>) => returned.data.id;
    const review = (failed: WebhookEventOf<'intercept.failed' | 'intercept.rejected'>) =>
      failed.data.carrierReason;
    if (event.type === 'intercept.returned') {
      expectTypeOf(event).toEqualTypeOf<WebhookEventOf<'intercept.returned'>>();
      refund(event);
    }
    if (event.type === 'intercept.failed' || event.type === 'intercept.rejected') {
      review(event);
    }
    // @ts-expect-error: not narrowed, so it may be another type
    refund(event);
  });

  it("is the document's Event schema, one member per type", () => {
    expectTypeOf<components['schemas']['Event']>().toExtend<WebhookEvent>();
    expectTypeOf<WebhookEvent>().toExtend<components['schemas']['Event']>();
  });

  it('has every event type of the document, and the document a webhook for each', () => {
    expectTypeOf<WebhookEvent['type']>().toEqualTypeOf<WebhookEventType>();
    expectTypeOf<keyof webhooks>().toEqualTypeOf<WebhookEventType>();
  });

  it('constructWebhookEvent resolves with the union', () => {
    expectTypeOf(constructWebhookEvent).returns.resolves.toEqualTypeOf<WebhookEvent>();
    expectTypeOf(constructWebhookEvent).toBeCallableWith('{}', { 'webhook-id': 'x' }, 'whsec_x');
    expectTypeOf(constructWebhookEvent).toBeCallableWith(
      new Uint8Array(),
      new Headers(),
      ['whsec_new', 'whsec_old'],
      { toleranceSeconds: 60 },
    );
  });
});

describe('client.events and client.webhookEndpoints', () => {
  it('types answers from the document', () => {
    expectTypeOf(client.events.list()).toEqualTypeOf<PageIterable<WebhookEvent, EventList>>();
    expectTypeOf(client.events.get('evt_1')).resolves.toEqualTypeOf<WebhookEvent>();
    expectTypeOf(
      client.webhookEndpoints.create,
    ).returns.resolves.toEqualTypeOf<CreatedWebhookEndpoint>();
    expectTypeOf(
      client.webhookEndpoints.rotateSecret,
    ).returns.resolves.toEqualTypeOf<RotatedSecret>();
    expectTypeOf(client.webhookEndpoints.test).returns.resolves.toEqualTypeOf<WebhookDelivery>();
    expectTypeOf(client.webhookEndpoints.deliveries('whe_1')).toEqualTypeOf<
      PageIterable<WebhookDelivery, WebhookDeliveryList>
    >();
  });

  it('takes valid filters and bodies, and refuses others', () => {
    expectTypeOf(client.events.list).toBeCallableWith({
      type: ['intercept.returned', 'redirect.failed'],
      objectId: 'icp_1',
      limit: 50,
    });
    // @ts-expect-error: not an event type
    void client.events.list({ type: ['intercept.teleported'] });
    expectTypeOf(client.events.redeliver).toBeCallableWith('evt_1', { endpointId: 'whe_1' });
    expectTypeOf(client.webhookEndpoints.create).toBeCallableWith({ url: 'https://x.test/hooks' });
    expectTypeOf(client.webhookEndpoints.create).toBeCallableWith({
      url: 'https://x.test/hooks',
      eventTypes: null,
      enabled: false,
      description: 'all events',
    });
    // @ts-expect-error: not an event type
    void client.webhookEndpoints.create({ url: 'https://x.test', eventTypes: ['parcel.lost'] });
    // @ts-expect-error: url is required
    void client.webhookEndpoints.create({ eventTypes: null });
    // @ts-expect-error: a delivery status is pending, delivered or given_up
    void client.webhookEndpoints.deliveries('whe_1', { status: 'failed' });
  });
});
