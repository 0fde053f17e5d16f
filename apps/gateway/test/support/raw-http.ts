/**
 * HTTP over a raw socket, for what `fetch` cannot send or the gateway's router never sees:
 * requests Node's HTTP parser refuses on its own (oversized headers), whose answers come
 * from the server's `clientError` handling rather than from a route.
 */
import { connect } from 'node:net';

/** An answer read off the socket: status, lower-cased headers, body text. */
export interface RawAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * Sends `head` (request line and headers, without the blank line) to `url`'s host and port
 * with `Connection: close`, and reads the answer until the server closes the connection.
 */
export async function sendRaw(url: string, head: string): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  const socket = connect({ host: hostname, port: Number(port) });
  const chunks: Buffer[] = [];
  await new Promise<void>((resolve, reject) => {
    socket.on('connect', () => {
      socket.write(`${head}\r\nConnection: close\r\n\r\n`);
    });
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    // The server may reset the connection right after answering a request it refused.
    socket.on('error', (error: NodeJS.ErrnoException) =>
      chunks.length > 0 && error.code === 'ECONNRESET' ? resolve() : reject(error),
    );
    socket.on('close', () => resolve());
    socket.setTimeout(30_000, () => socket.destroy(new Error('no answer within 30 s')));
  });
  return parseAnswer(Buffer.concat(chunks).toString('utf8'));
}

function parseAnswer(text: string): RawAnswer {
  const end = text.indexOf('\r\n\r\n');
  const [statusLine = '', ...lines] = (end === -1 ? text : text.slice(0, end)).split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) {
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
  }
  return {
    status: Number(statusLine.split(' ')[1]),
    headers,
    body: end === -1 ? '' : text.slice(end + 4),
  };
}
