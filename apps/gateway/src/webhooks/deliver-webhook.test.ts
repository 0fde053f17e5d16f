import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { deliverWebhook, pinnedLookup, WEBHOOK_USER_AGENT } from './deliver-webhook.ts';
import { signWebhook } from './sign-webhook.ts';
import type { LookupFn, ResolvedAddress } from './target-guard.ts';
import { newWebhookSecret } from './webhook-secret.ts';

/** What the receiver saw of one request. */
interface Received {
  readonly method: string | undefined;
  readonly url: string | undefined;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
  /** The address the connection reached on this machine. */
  readonly localAddress: string | undefined;
}

/** A real HTTP receiver on 127.0.0.1, answering with `handle`, recording every request. */
async function startReceiver(
  handle: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<{ port: number; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) {
      chunks.push(chunk as Buffer);
    }
    received.push({
      method: request.method,
      url: request.url,
      headers: request.headers,
      body: Buffer.concat(chunks).toString('utf8'),
      localAddress: request.socket.localAddress,
    });
    handle(request, response);
  });
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { port: (server.address() as AddressInfo).port, received, server };
}

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

const body = '{"id":"evt_1","type":"intercept.returned","data":{"id":"icp_1"}}';
const signed = signWebhook({
  id: 'msg_1',
  timestamp: new Date(),
  body,
  secrets: [newWebhookSecret()],
});

/** A resolver from a list of answers, one per call (the last repeats), counting its calls. */
function scriptedLookup(...answers: string[][]): LookupFn & { calls: string[] } {
  const calls: string[] = [];
  const lookup = async (hostname: string): Promise<readonly ResolvedAddress[]> => {
    calls.push(hostname);
    const answer = answers[Math.min(calls.length, answers.length) - 1] ?? [];
    return answer.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return Object.assign(lookup, { calls });
}

describe('deliverWebhook to a real receiver', () => {
  it('is delivered on 2xx, sending the body, the signature, JSON and our user-agent', async () => {
    const receiver = await startReceiver((_request, response) => {
      response.writeHead(204).end();
    });
    const result = await deliverWebhook({
      url: `http://127.0.0.1:${receiver.port}/hooks/parcelgate`,
      headers: { ...signed, 'content-type': 'text/plain' },
      body,
      allowPrivate: true,
    });
    expect(result).toEqual({
      outcome: 'delivered',
      statusCode: 204,
      durationMs: expect.any(Number),
      responseSnippet: '',
      error: null,
    });
    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    expect(request).toMatchObject({ method: 'POST', url: '/hooks/parcelgate', body });
    expect(request?.headers).toMatchObject({
      'content-type': 'application/json',
      'user-agent': WEBHOOK_USER_AGENT,
      'webhook-id': signed['webhook-id'],
      'webhook-timestamp': signed['webhook-timestamp'],
      'webhook-signature': signed['webhook-signature'],
    });
    expect(WEBHOOK_USER_AGENT).toMatch(/^Parcelgate-Webhooks\/\d+\.\d+\.\d+/);
  });

  it('fails on 500, keeping the first 1024 bytes of the answer', async () => {
    const answer = `${'é'.repeat(300)}${'x'.repeat(5000)}`; // 600 bytes of two-byte characters first
    const receiver = await startReceiver((_request, response) => {
      response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(answer);
    });
    const result = await deliverWebhook({
      url: `http://127.0.0.1:${receiver.port}/`,
      headers: signed,
      body,
      allowPrivate: true,
    });
    expect(result).toMatchObject({
      outcome: 'failed',
      statusCode: 500,
      error: 'The receiver answered 500.',
    });
    expect(Buffer.byteLength(result.responseSnippet)).toBe(1024);
    expect(result.responseSnippet).toBe(Buffer.from(answer).subarray(0, 1024).toString('utf8'));
  });

  it('reads no further than the snippet: an answer that never ends still settles', async () => {
    const receiver = await startReceiver((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.write('a'.repeat(2048)); // and never end()
    });
    const result = await deliverWebhook({
      url: `http://127.0.0.1:${receiver.port}/`,
      headers: signed,
      body,
      allowPrivate: true,
      timeoutMs: 30_000,
    });
    expect(result).toMatchObject({ outcome: 'delivered', statusCode: 200, error: null });
    expect(result.responseSnippet).toBe('a'.repeat(1024));
    expect(result.durationMs).toBeLessThan(30_000);
  });

  it('does not follow a 302: a failed attempt, the receiver asked once', async () => {
    const receiver = await startReceiver((request, response) => {
      if (request.url === '/hook') {
        response.writeHead(302, { location: '/elsewhere' }).end('moved');
      } else {
        response.writeHead(200).end('followed');
      }
    });
    const result = await deliverWebhook({
      url: `http://127.0.0.1:${receiver.port}/hook`,
      headers: signed,
      body,
      allowPrivate: true,
    });
    expect(result).toMatchObject({
      outcome: 'failed',
      statusCode: 302,
      responseSnippet: 'moved',
      error: 'The receiver answered 302, a redirect to /elsewhere; redirects are not followed.',
    });
    expect(receiver.received.map((request) => request.url)).toEqual(['/hook']);
  });

  it('fails when the receiver never answers within timeoutMs', async () => {
    const receiver = await startReceiver(() => {
      // Never answers: the connection stays open until the test closes it.
    });
    const result = await deliverWebhook({
      url: `http://127.0.0.1:${receiver.port}/`,
      headers: signed,
      body,
      allowPrivate: true,
      timeoutMs: 250,
    });
    expect(result).toMatchObject({
      outcome: 'failed',
      statusCode: null,
      responseSnippet: '',
      error: 'The receiver gave no answer within 250 ms.',
    });
    expect(result.durationMs).toBeGreaterThanOrEqual(240);
    expect(receiver.received).toHaveLength(1);
  });

  it('fails on a network error (nothing listening)', async () => {
    const receiver = await startReceiver(() => undefined);
    receiver.server.close();
    await once(receiver.server, 'close');
    const result = await deliverWebhook({
      url: `http://127.0.0.1:${receiver.port}/`,
      headers: signed,
      body,
      allowPrivate: true,
    });
    expect(result).toMatchObject({ outcome: 'failed', statusCode: null });
    expect(result.error).toMatch(/^The request failed: .*ECONNREFUSED/);
  });

  it('refuses loopback when private targets are not allowed, sending nothing', async () => {
    const receiver = await startReceiver((_request, response) => {
      response.writeHead(200).end();
    });
    const byName = await deliverWebhook({
      url: `https://localhost:${receiver.port}/`,
      headers: signed,
      body,
      allowPrivate: false,
    });
    expect(byName).toMatchObject({ outcome: 'refused', statusCode: null, responseSnippet: '' });
    expect(byName.error).toMatch(
      /^The webhook host localhost resolves to (127\.0\.0\.1|::1), which is a loopback address;/,
    );
    const byAddress = await deliverWebhook({
      url: `https://127.0.0.1:${receiver.port}/`,
      headers: signed,
      body,
      allowPrivate: false,
    });
    expect(byAddress).toMatchObject({
      outcome: 'refused',
      error:
        'The webhook address 127.0.0.1 is a loopback address; webhook targets must be public addresses.',
    });
    expect(receiver.received).toEqual([]);
  });

  it('refuses http unless private targets are allowed, before resolving anything', async () => {
    const lookup = scriptedLookup(['93.184.215.14']);
    const result = await deliverWebhook({
      url: 'http://hooks.example.com/x',
      headers: signed,
      body,
      allowPrivate: false,
      lookup,
    });
    expect(result).toMatchObject({
      outcome: 'refused',
      statusCode: null,
      error: 'The webhook URL must use https, not http.',
    });
    expect(lookup.calls).toEqual([]);
  });

  it('fails (retryable), not refused, when the host does not resolve now', async () => {
    const lookup: LookupFn = async () => {
      throw Object.assign(new Error('getaddrinfo EAI_AGAIN'), { code: 'EAI_AGAIN' });
    };
    const result = await deliverWebhook({
      url: 'https://hooks.example.com/x',
      headers: signed,
      body,
      allowPrivate: false,
      lookup,
    });
    expect(result).toMatchObject({
      outcome: 'failed',
      error: 'The webhook host hooks.example.com does not resolve (EAI_AGAIN).',
    });
  });

  it('fails when resolving the host takes longer than timeoutMs', async () => {
    const result = await deliverWebhook({
      url: 'https://hooks.example.com/x',
      headers: signed,
      body,
      allowPrivate: false,
      lookup: () => new Promise(() => undefined),
      timeoutMs: 100,
    });
    expect(result).toMatchObject({
      outcome: 'failed',
      statusCode: null,
      error: 'The webhook host did not resolve within 100 ms.',
    });
  });

  it('connects to the address it checked, not to a later DNS answer (rebinding)', async () => {
    const receiver = await startReceiver((_request, response) => {
      response.writeHead(200).end('ok');
    });
    // The check sees 127.0.0.1, where the receiver listens; every later answer says
    // 127.0.0.2, where nothing does. A connection that asked DNS again would fail.
    const lookup = scriptedLookup(['127.0.0.1'], ['127.0.0.2']);
    const result = await deliverWebhook({
      url: `http://hooks.parcelgate.test:${receiver.port}/hook`,
      headers: signed,
      body,
      allowPrivate: true,
      lookup,
    });
    expect(result).toMatchObject({ outcome: 'delivered', statusCode: 200, responseSnippet: 'ok' });
    expect(lookup.calls).toEqual(['hooks.parcelgate.test']);
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]?.localAddress).toBe('127.0.0.1');
    // The host name is kept for Host (and, over https, for SNI and the certificate).
    expect(receiver.received[0]?.headers.host).toBe(`hooks.parcelgate.test:${receiver.port}`);
  });
});

describe('pinnedLookup', () => {
  const checked: ResolvedAddress[] = [
    { address: '93.184.215.14', family: 4 },
    { address: '2606:2800:21f:cb07:6820:80da:af6b:8b2c', family: 6 },
  ];

  function ask(options: { all?: boolean; family?: number }): Promise<unknown> {
    return new Promise((resolve, reject) => {
      pinnedLookup(checked)('hooks.example.com', options, (error, address, family) => {
        if (error) {
          reject(error);
        } else {
          resolve(family === undefined ? address : { address, family });
        }
      });
    });
  }

  it('answers a public address checked earlier, whatever the name, without resolving it', async () => {
    expect(await ask({ all: true })).toEqual(checked);
    expect(await ask({})).toEqual({ address: '93.184.215.14', family: 4 });
    expect(await ask({ family: 6 })).toEqual({
      address: '2606:2800:21f:cb07:6820:80da:af6b:8b2c',
      family: 6,
    });
    expect(await ask({ all: true, family: 4 })).toEqual([checked[0]]);
  });

  it('fails with ENOTFOUND when no checked address has the family asked for', async () => {
    const v4only = pinnedLookup([{ address: '93.184.215.14', family: 4 }]);
    const error = await new Promise((resolve) => {
      v4only('hooks.example.com', { family: 6 }, (failure) => resolve(failure));
    });
    expect(error).toMatchObject({ code: 'ENOTFOUND' });
  });
});
