/**
 * Starts the order service: `PARCELGATE_URL` and `PARCELGATE_API_KEY` name the gateway (the
 * ones `pnpm start` prints), `PORT` this service's port (default 3000).
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
const service = createOrderService({ parcelgate });
const port = Number(process.env.PORT ?? 3000);
service.server.listen(port, '127.0.0.1', () => {
  console.log(`order service on http://127.0.0.1:${port}`);
});
process.once('SIGINT', () => void service.close());
process.once('SIGTERM', () => void service.close());
