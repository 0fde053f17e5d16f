/**
 * Starts the order service: `PARCELGATE_URL` and `PARCELGATE_API_KEY` name the gateway (the
 * ones `pnpm start` prints), `PORT` this service's port (default 3000).
 * `PARCELGATE_WEBHOOK_SECRET` (the `whsec_…` of the webhook endpoint; two, comma-separated,
 * while rotating) turns on the receiver at `POST /webhooks`.
 */
import { createParcelgateClient } from '@parcelgate/sdk';
import { createOrderService } from './server.ts';

const apiKey = process.env.PARCELGATE_API_KEY;
if (apiKey === undefined || apiKey === '') {
  console.error('Set PARCELGATE_API_KEY (pnpm start prints one) and PARCELGATE_URL.');
  process.exit(1);
}
const parcelgate = createParcelgateClient({
  baseUrl: process.env.PARCELGATE_URL ?? 'http://127.0.0.1:8080',
  apiKey,
  onRetry: (event) => console.warn(`retrying ${event.method} ${event.url} in ${event.delayMs} ms`),
});
const webhookSecret = process.env.PARCELGATE_WEBHOOK_SECRET?.split(',').filter(Boolean);
const service = createOrderService({
  parcelgate,
  ...(webhookSecret === undefined || webhookSecret.length === 0
    ? {}
    : {
        webhooks: {
          secret: webhookSecret,
          alert: (alert) =>
            console.warn(
              `ALERT: intercept ${alert.interceptId} of order ${alert.orderRef ?? '?'} needs a person: ${alert.reason ?? 'no reason given'}`,
            ),
          onError: (error, webhookId) => console.error(`webhook ${webhookId} failed:`, error),
        },
      }),
});
const port = Number(process.env.PORT ?? 3000);
service.server.listen(port, '127.0.0.1', () => {
  console.log(`order service on http://127.0.0.1:${port}`);
  if (service.webhooks !== undefined) {
    console.log(`webhook receiver on http://127.0.0.1:${port}/webhooks`);
  }
});
process.once('SIGINT', () => void service.close());
process.once('SIGTERM', () => void service.close());
