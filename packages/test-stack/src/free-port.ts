import { once } from 'node:events';
import { createServer } from 'node:net';

/**
 * A free TCP port on loopback: the OS picks it. The small race with another process taking
 * it before it is used is accepted; the simulator, which prints its URL, needs none.
 */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
