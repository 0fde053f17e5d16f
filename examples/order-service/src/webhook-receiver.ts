import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  constructWebhookEvent,
  isWebhookVerificationError,
  type VerifyWebhookOptions,
  type WebhookEvent,
  type WebhookEventOf,
} from '@parcelgate/sdk';
import type { Order, OrderStore } from './orders.ts';

/** An intercept Parcelgate flagged for a person, as this service raises it. */
export interface Alert {
  readonly orderRef: string | null;
  readonly interceptId: string;
  readonly reason: string | null;
}

/** How the receiver is set up. */
export interface WebhookSettings {
  /** The endpoint's secret (`whsec_…`), or `[newSecret, oldSecret]` while rotating. */
  readonly secret: string | readonly string[];
  /** Told of each intercept flagged for a person: page someone, open a ticket. */
  readonly alert: (alert: Alert) => void;
  /** Told when handling an acknowledged event failed (it was answered 2xx already). */
  readonly onError: (error: unknown, webhookId: string) => void;
  /** For tests: the clock the signature's timestamp is checked against. */
  readonly verify?: VerifyWebhookOptions;
}

/** What the receiver is made with: its settings and the orders it acts on. */
export interface WebhookReceiverOptions extends WebhookSettings {
  readonly orders: OrderStore;
}

/** The receiver: an HTTP handler, and `idle()` to wait until every accepted event is handled. */
export interface WebhookReceiver {
  handle(request: IncomingMessage, response: ServerResponse): Promise<void>;
  /** Resolves once every event accepted so far has been handled. */
  idle(): Promise<void>;
}

/** Deliveries are small (an event is one intercept); anything far bigger is not ours. */
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Receives Parcelgate's webhooks. Each delivery is verified (Standard Webhooks signature,
 * timestamp within five minutes) before anything is read from it: 401 when it does not
 * verify. A `webhook-id` seen before is a retry or a redelivery and is acknowledged without
 * acting again. A new one is answered 204 at once and handled right after, one at a time in
 * the order received, so a slow refund never makes Parcelgate time out and retry (it waits
 * 10 s). Types this service does not act on, including types newer than its SDK, are
 * acknowledged and ignored: a 4xx would only make Parcelgate retry them for a day.
 *
 * A real service keeps seen ids and pending events in its database (the id under a unique
 * constraint, written before answering), so a crash between answering and handling loses
 * nothing; here they live in memory.
 */
export function createWebhookReceiver(options: WebhookReceiverOptions): WebhookReceiver {
  const seen = new Set<string>();
  let handling = Promise.resolve();

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    if (body === undefined) {
      response.writeHead(413).end();
      return;
    }
    let event: WebhookEvent;
    try {
      event = await constructWebhookEvent(body, request.headers, options.secret, options.verify);
    } catch (error) {
      if (isWebhookVerificationError(error)) {
        // Not from Parcelgate (or replayed, or tampered with): nothing in it is acted on.
        response.writeHead(error.reason === 'invalid-payload' ? 400 : 401).end();
        return;
      }
      throw error;
    }
    // The signature covers webhook-id, so it can be trusted now; Parcelgate sets it to the
    // event's id, the same on every retry and redelivery.
    const webhookId = String(request.headers['webhook-id']);
    if (seen.has(webhookId)) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ duplicate: true }));
      return;
    }
    seen.add(webhookId);
    response.writeHead(204).end();
    handling = handling
      .then(() => applyEvent(options.orders, event, options.alert))
      .catch((error: unknown) => options.onError(error, webhookId));
  }

  return { handle, idle: () => handling };
}

/** What this merchant does for each event; anything else changes nothing. */
export function applyEvent(orders: OrderStore, event: WebhookEvent, alert: (alert: Alert) => void) {
  switch (event.type) {
    case 'intercept.returned':
      refund(orders, event);
      break;
    case 'intercept.failed':
    case 'intercept.rejected':
      markForReview(orders, event);
      break;
    case 'intercept.needs_attention':
      alert({
        orderRef: event.data.orderRef,
        interceptId: event.data.id,
        reason: event.data.attentionReason,
      });
      break;
    default:
      // intercept.created/accepted/..., redirects, parcels, test events, and any type newer
      // than this SDK: acknowledged, nothing to do.
      break;
  }
}

/** The parcel is back with the sender: refund the buyer, once. */
function refund(orders: OrderStore, event: WebhookEventOf<'intercept.returned'>): void {
  const order = orderOf(orders, event);
  if (order === undefined || order.state === 'refunded') {
    return;
  }
  order.interceptId = event.data.id;
  order.state = 'refunded';
  order.actions.push({
    action: 'refund_buyer',
    at: new Date().toISOString(),
    note: 'intercept returned: the parcel is back with the sender',
  });
}

/** The carrier could not or would not stop the parcel: a person decides what next. */
function markForReview(
  orders: OrderStore,
  event: WebhookEventOf<'intercept.failed' | 'intercept.rejected'>,
): void {
  const order = orderOf(orders, event);
  if (order === undefined || order.state === 'needs_review') {
    return;
  }
  order.interceptId = event.data.id;
  order.state = 'needs_review';
  const why = event.data.carrierReason ?? event.data.statusDetail ?? 'no reason given';
  order.actions.push({
    action: 'needs_review',
    at: new Date().toISOString(),
    note: `intercept ${event.data.status}: ${why}`,
  });
}

/** The order an intercept was made for: by its `orderRef`, else by the intercept's id. */
function orderOf(
  orders: OrderStore,
  event: WebhookEventOf<'intercept.returned' | 'intercept.failed' | 'intercept.rejected'>,
): Order | undefined {
  const { orderRef, id } = event.data;
  return (orderRef === null ? undefined : orders.get(orderRef)) ?? orders.byInterceptId(id);
}

/** The raw body, exactly as received: the signature covers these bytes. */
async function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of request) {
    length += (chunk as Buffer).length;
    if (length > MAX_BODY_BYTES) {
      return undefined;
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
