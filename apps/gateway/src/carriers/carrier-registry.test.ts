import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyBaseLogger } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeCarrier } from '../../test/support/fake-carrier.ts';
import { createCarrierRegistry } from './carrier-registry.ts';
import type { CarrierSettings } from './carrier-settings.ts';

const logger = pino({ level: 'silent' }) as unknown as FastifyBaseLogger;

// A real socket server: the registry sends through undici with its own pool, which no
// fetch stub sees, so only real requests show where they went.
let server: Server;
let origin = '';
const received: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    received.push(request.url ?? '');
    response.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function settingsWith(hosts: Record<string, string> | undefined): CarrierSettings {
  return {
    baseUrl: `${origin}/default`,
    ...(hosts === undefined ? {} : { hosts }),
    credentials: {},
    target: 'custom',
    secrets: [],
    overrides: { budgetsMs: {}, rateLimits: {} },
  };
}

describe('createCarrierRegistry', () => {
  it('binds each context’s client to the default and every named host', async () => {
    const { carrier } = createFakeCarrier('acme');
    const registry = createCarrierRegistry([
      { definition: carrier, settings: settingsWith({ label: `${origin}/label-api` }) },
    ]);
    try {
      const ctx = registry.resolve('acme').createContext({
        signal: new AbortController().signal,
        requestId: 'req_1',
        logger,
      });
      await (await ctx.http.request({ method: 'GET', path: '/track' })).text();
      await (await ctx.http.request({ method: 'POST', host: 'label', path: '/order' })).text();
      expect(received.slice(-2)).toEqual(['/default/track', '/label-api/order']);
      await expect(ctx.http.request({ method: 'GET', host: 'www', path: '/x' })).rejects.toThrow(
        'request names host "www"',
      );
    } finally {
      await registry.close();
    }
  });
});
