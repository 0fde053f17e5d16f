import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import {
  isConnectionError,
  isProblemError,
  isTimeoutError,
  type ParcelgateClient,
  type PickupMode,
} from '@parcelgate/sdk';
import { cancelOrder, pollPendingCancellations } from './cancel-order.ts';
import { type Order, OrderStore } from './orders.ts';
import {
  createWebhookReceiver,
  type WebhookReceiver,
  type WebhookSettings,
} from './webhook-receiver.ts';

/** What the service is made with. */
export interface OrderServiceOptions {
  readonly parcelgate: ParcelgateClient;
  /** How long an intercept may take before it is answered pending (default 3 s). */
  readonly preferWaitSeconds?: number;
  /** How often pending cancellations are polled (default 30 s). */
  readonly pollIntervalMs?: number;
  /**
   * With these (the webhook endpoint's secret above all), `POST /webhooks`
   * receives Parcelgate's signed events.
   */
  readonly webhooks?: WebhookSettings;
}

/** The running service: its HTTP server, its orders, and `close()`. */
export interface OrderService {
  readonly server: Server;
  readonly orders: OrderStore;
  /** The webhook receiver, when `webhooks` settings were given. */
  readonly webhooks: WebhookReceiver | undefined;
  close(): Promise<void>;
}

/**
 * A small order service: `POST /orders` records a shipped order, `GET /orders/{orderRef}`
 * reads it, `POST /orders/{orderRef}/cancel` cancels it through Parcelgate. Pending
 * cancellations are polled on a timer until the carrier decides. With `webhooks` settings,
 * `POST /webhooks` receives Parcelgate's signed events (webhook-receiver.ts).
 */
export function createOrderService(options: OrderServiceOptions): OrderService {
  const orders = new OrderStore();
  const settings = {
    parcelgate: options.parcelgate,
    preferWaitSeconds: options.preferWaitSeconds ?? 3,
  };
  const webhooks =
    options.webhooks === undefined
      ? undefined
      : createWebhookReceiver({ ...options.webhooks, orders });

  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => answerError(response, error));
  });

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    if (webhooks !== undefined && url.pathname === '/webhooks') {
      if (request.method === 'POST') {
        await webhooks.handle(request, response);
      } else {
        answer(response, 405, { message: 'POST only.' });
      }
      return;
    }
    if (request.method === 'POST' && parts.length === 1 && parts[0] === 'orders') {
      const body = (await readJson(request)) as NewOrder;
      answer(response, 201, orders.add(body.orderRef, body.shipment));
      return;
    }
    const order =
      parts[0] === 'orders' && parts[1] !== undefined ? orders.get(parts[1]) : undefined;
    if (order === undefined) {
      answer(response, 404, { message: 'No such order.' });
    } else if (request.method === 'GET' && parts.length === 2) {
      answer(response, 200, order);
    } else if (request.method === 'POST' && parts.length === 3 && parts[2] === 'cancel') {
      answer(response, 200, await cancelOrder(settings, order));
    } else {
      answer(response, 404, { message: 'No such route.' });
    }
  }

  let polling = Promise.resolve();
  const timer = setInterval(() => {
    // One poll at a time; a failed poll is simply tried again on the next tick.
    polling = polling
      .then(() => pollPendingCancellations(options.parcelgate, orders.pending()))
      .catch(() => {});
  }, options.pollIntervalMs ?? 30_000);

  return {
    server,
    orders,
    webhooks,
    async close() {
      clearInterval(timer);
      await polling;
      await webhooks?.idle();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The body of `POST /orders`. */
interface NewOrder {
  readonly orderRef: string;
  readonly shipment: {
    readonly carrier: string;
    readonly trackingNumber: string;
    readonly pickupMode: PickupMode;
  } & Partial<Pick<Order['shipment'], 'declaredValue' | 'category'>>;
}

/**
 * Parcelgate down, slow or refusing: the order is left as it was and the caller may simply
 * retry, since the cancellation's Idempotency-Key makes a repeat safe.
 */
function answerError(response: ServerResponse, error: unknown): void {
  if (isProblemError(error)) {
    const status = error.status >= 500 ? 503 : 502;
    answer(response, status, {
      message: `Parcelgate answered ${error.problemType ?? error.type}: ${error.detail}`,
      requestId: error.requestId,
    });
  } else if (isTimeoutError(error) || isConnectionError(error)) {
    answer(response, 503, { message: `Parcelgate did not answer: ${error.message}` });
  } else {
    answer(response, 500, { message: 'Unexpected error.' });
  }
}

function answer(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    chunks.push(chunk as Buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}
