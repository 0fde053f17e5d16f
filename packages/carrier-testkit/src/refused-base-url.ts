import { createServer } from 'node:net';

/**
 * The carrier base URL moved to a local port nobody listens on, path kept, so a request
 * is refused before a byte is sent: the one network failure that proves the carrier never
 * saw it. The port was just free (bound then closed), so the refusal is real, not mocked.
 */
export async function refusedBaseUrl(baseUrl: string): Promise<string> {
  const server = createServer();
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : 0);
    });
  });
  await new Promise<void>((resolve) => server.close(() => resolve()));
  const { pathname } = new URL(baseUrl);
  return `http://127.0.0.1:${port}${pathname.replace(/\/+$/, '')}`;
}
