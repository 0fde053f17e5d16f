import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CarrierHttpClient } from '../carrier-context.ts';
import { isCarrierErrorOfKind } from '../errors/carrier-error.ts';
import { createDispatcherHttpClient } from './dispatcher-http-client.ts';
import { createFetchHttpClient } from './fetch-http-client.ts';
import { parseJsonResponse, readErrorBody } from './parse-json-response.ts';
import type { CarrierHosts } from './prepare-request.ts';

// A real socket server: the point is the classification of real undici failures.
let server: Server;
let baseUrl: string;
const received: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    received.push(`${request.method} ${request.url}`);
    if (request.url?.startsWith('/api/reset-after-read')) {
      request.resume();
      request.on('end', () => request.socket.destroy());
      return;
    }
    if (request.url?.startsWith('/api/reset-in-body')) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"partial":');
      setTimeout(() => request.socket.destroy(), 10);
      return;
    }
    if (request.url?.startsWith('/api/hang')) {
      return;
    }
    if (request.url?.startsWith('/api/form')) {
      let body = '';
      request.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      request.on('end', () => {
        response.writeHead(200, { 'content-type': 'application/json', 'x-seen': 'form' });
        response.end(JSON.stringify({ body, contentType: request.headers['content-type'] }));
      });
      return;
    }
    if (request.url?.startsWith('/api/html')) {
      response.writeHead(502, { 'content-type': 'text/html' });
      response.end('<html><body>Bad gateway</body></html>');
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ url: request.url, auth: request.headers.authorization }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
});

const agent = new Agent();

afterAll(async () => {
  await agent.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** What both clients are built from. */
type ClientOptions = CarrierHosts & {
  readonly signal?: AbortSignal;
  readonly headers?: Readonly<Record<string, string>>;
};

/** The two clients the gateway and the adapters' tests use: one contract, one suite. */
const FACTORIES: readonly [string, (options: ClientOptions) => CarrierHttpClient][] = [
  ['createFetchHttpClient', (options) => createFetchHttpClient(options)],
  [
    'createDispatcherHttpClient',
    (options) => createDispatcherHttpClient({ ...options, dispatcher: agent }),
  ],
];

function client(signal?: AbortSignal) {
  return createFetchHttpClient({
    carrierId: 'acme',
    baseUrl,
    headers: { authorization: 'Bearer default' },
    ...(signal === undefined ? {} : { signal }),
  });
}

describe('createFetchHttpClient', () => {
  it('looks the global fetch up per request, so a stub installed later (msw) applies', async () => {
    const built = client();
    const stub = vi.fn(async () => new Response('{"stubbed":true}', { status: 200 }));
    vi.stubGlobal('fetch', stub);
    try {
      const response = await built.request({ method: 'GET', path: '/parcels/SBX1' });
      expect(await response.text()).toBe('{"stubbed":true}');
      expect(stub).toHaveBeenCalledOnce();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe.each(FACTORIES)('%s', (_name, create) => {
  const client = (signal?: AbortSignal) =>
    create({
      carrierId: 'acme',
      baseUrl,
      headers: { authorization: 'Bearer default' },
      ...(signal === undefined ? {} : { signal }),
    });

  it('joins base URL, path and defined query values, merging headers', async () => {
    const response = await client().request({
      method: 'GET',
      path: '/parcels/SBX1',
      query: { lang: 'en', skip: undefined },
      headers: { authorization: 'Bearer override' },
    });
    expect(response.status).toBe(200);
    expect(JSON.parse(await response.text())).toEqual({
      url: '/api/parcels/SBX1?lang=en',
      auth: 'Bearer override',
    });
  });

  it('sends a request naming a host to that host, and the others to the default', async () => {
    const origin = new URL(baseUrl).origin;
    const hosted = create({
      carrierId: 'acme',
      baseUrl,
      hosts: { label: `${origin}/label-api/`, 'number-recognition': `${origin}/www` },
    });
    const urlOf = async (request: Parameters<typeof hosted.request>[0]) =>
      (JSON.parse(await (await hosted.request(request)).text()) as { url: string }).url;
    expect(await urlOf({ method: 'POST', host: 'label', path: '/order', query: { m: 'x' } })).toBe(
      '/label-api/order?m=x',
    );
    expect(await urlOf({ method: 'GET', host: 'number-recognition', path: '/auto' })).toBe(
      '/www/auto',
    );
    expect(await urlOf({ method: 'GET', path: '/parcels/SBX1' })).toBe('/api/parcels/SBX1');
  });

  it('throws for a host it was not given, before anything is sent', async () => {
    const sentBefore = received.length;
    const hosted = create({
      carrierId: 'acme',
      baseUrl,
      hosts: { label: baseUrl },
    });
    await expect(hosted.request({ method: 'GET', host: 'lable', path: '/x' })).rejects.toThrow(
      'acme: request names host "lable", which the carrier\'s endpoints do not declare (declared hosts: label)',
    );
    await expect(client().request({ method: 'GET', host: 'toString', path: '/x' })).rejects.toThrow(
      '(declared hosts: none)',
    );
    expect(received.length).toBe(sentBefore);
  });

  it('sends form fields as fetch does, and shows the answer headers', async () => {
    const response = await client().request({
      method: 'POST',
      path: '/form',
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'a b' }),
    });
    expect(response.headers.get('x-seen')).toBe('form');
    expect(JSON.parse(await response.text())).toEqual({
      body: 'grant_type=client_credentials&scope=a+b',
      contentType: 'application/x-www-form-urlencoded;charset=UTF-8',
    });
  });

  it('classifies a refused connection as retryable and never sent', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const refused = create({
      carrierId: 'acme',
      baseUrl: `http://127.0.0.1:${port}`,
    });
    const error = await refused
      .request({ method: 'POST', path: '/intercepts', body: '{}' })
      .catch((e) => e);
    expect(isCarrierErrorOfKind(error, 'retryable')).toBe(true);
    expect(error).toMatchObject({ requestSent: false });
    expect(error.message).toBe(
      'acme: connection failed (ECONNREFUSED) before the request was sent',
    );
  });

  it('classifies a reset after sending: retryable for reads, outcome-unknown for mutations', async () => {
    const read = await client()
      .request({ method: 'GET', path: '/reset-after-read' })
      .catch((e) => e);
    expect(isCarrierErrorOfKind(read, 'retryable')).toBe(true);
    const mutation = await client()
      .request({ method: 'POST', path: '/reset-after-read', body: '{"reference":"icp_1"}' })
      .catch((e) => e);
    expect(isCarrierErrorOfKind(mutation, 'outcome-unknown')).toBe(true);
    const readOverPost = await client()
      .request({ method: 'POST', path: '/reset-after-read', body: '{}', idempotent: true })
      .catch((e) => e);
    expect(isCarrierErrorOfKind(readOverPost, 'retryable')).toBe(true);
  });

  it('classifies a connection lost while reading the body', async () => {
    // The fetch client reports it from text(), the dispatcher client (which reads the body
    // before answering) from request(): the same error either way.
    const error = await client()
      .request({ method: 'POST', path: '/reset-in-body', body: '{}' })
      .then((response) => response.text())
      .catch((e) => e);
    expect(isCarrierErrorOfKind(error, 'outcome-unknown')).toBe(true);
    expect(error).toMatchObject({ requestSent: true });
  });

  it('passes an abort through unwrapped, as the signal reason', async () => {
    const controller = new AbortController();
    const pending = client(controller.signal).request({ method: 'GET', path: '/hang' });
    const reason = new DOMException('budget spent', 'TimeoutError');
    setTimeout(() => controller.abort(reason), 20);
    await expect(pending).rejects.toBe(reason);
  });
});

describe('parseJsonResponse', () => {
  it('classifies an HTML page: retryable for reads, outcome-unknown for mutations', async () => {
    const read = await client().request({ method: 'GET', path: '/html' });
    const readError = await parseJsonResponse(
      read,
      { carrierId: 'acme', mutation: false },
      (body) => body as object,
    ).catch((e) => e);
    expect(isCarrierErrorOfKind(readError, 'retryable')).toBe(true);
    expect(readError.message).toBe(
      'acme answered HTTP 502 with a body that could not be read (text/html)',
    );
    const mutation = await client().request({ method: 'POST', path: '/html', body: '{}' });
    const mutationError = await parseJsonResponse(
      mutation,
      { carrierId: 'acme', mutation: true },
      (b) => b,
    ).catch((e) => e);
    expect(isCarrierErrorOfKind(mutationError, 'outcome-unknown')).toBe(true);
  });

  it('classifies what the adapter parser throws, and returns what it returns', async () => {
    const response = await client().request({ method: 'GET', path: '/ok' });
    const error = await parseJsonResponse(response, { carrierId: 'acme', mutation: false }, () => {
      throw new TypeError('events is not an array');
    }).catch((e) => e);
    expect(isCarrierErrorOfKind(error, 'retryable')).toBe(true);
    expect(error.cause).toBeInstanceOf(TypeError);
    const ok = await client().request({ method: 'GET', path: '/ok' });
    const url = await parseJsonResponse(ok, { carrierId: 'acme', mutation: false }, (body) => {
      return (body as { url: string }).url;
    });
    expect(url).toBe('/api/ok');
  });

  it('reads error bodies of any shape without throwing', async () => {
    const html = await client().request({ method: 'GET', path: '/html' });
    expect(await readErrorBody(html)).toEqual({
      text: '<html><body>Bad gateway</body></html>',
      json: undefined,
    });
  });
});
