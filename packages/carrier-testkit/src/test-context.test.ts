import { isCarrierErrorOfKind } from '@parcelgate/carrier-kit';
import { describe, expect, it } from 'vitest';
import { refusedBaseUrl } from './refused-base-url.ts';
import { createTestContext, DEFAULT_TEST_NOW } from './test-context.ts';

describe('createTestContext', () => {
  it('captures log lines exactly as the adapter passed them', () => {
    const ctx = createTestContext({ carrier: 'acme', baseUrl: 'https://api.acme.test' });
    ctx.logger.info('tracking', { trackingNumber: 'ACM1' });
    ctx.logger.error('failed');
    expect(ctx.logs).toEqual([
      { level: 'info', message: 'tracking', fields: { trackingNumber: 'ACM1' } },
      { level: 'error', message: 'failed' },
    ]);
  });

  it('has a clock that stands still until moved', () => {
    const ctx = createTestContext({ carrier: { id: 'acme' }, baseUrl: 'https://api.acme.test' });
    expect(ctx.clock.now()).toEqual(DEFAULT_TEST_NOW);
    ctx.clock.now().setFullYear(1999); // a copy: mutating it moves nothing
    ctx.clock.advance(90_000);
    expect(ctx.clock.now().toISOString()).toBe('2026-11-26T01:01:30.000Z');
    ctx.clock.set('2026-12-01T00:00:00Z');
    expect(ctx.clock.now().toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(() => createTestContext({ carrier: 'acme', baseUrl: 'x', now: 'soon' })).toThrow(
      'not a date: soon',
    );
  });

  it('uses carrier-kit’s fetch client, so failures are classified the production way', async () => {
    const ctx = createTestContext({
      carrier: 'acme',
      baseUrl: await refusedBaseUrl('https://api.acme.test/v1'),
    });
    const failure = ctx.http.request({ method: 'POST', path: '/intercepts', body: '{}' });
    await expect(failure).rejects.toSatisfy(
      (error) => isCarrierErrorOfKind(error, 'retryable') && error.requestSent === false,
    );
  });

  it('serves declared hosts from the base URL unless moved, and refuses undeclared ones', async () => {
    const seen: string[] = [];
    const fetch = async (input: Parameters<typeof globalThis.fetch>[0]) => {
      seen.push(String(input));
      return new Response('ok');
    };
    const carrier = {
      id: 'acme',
      endpoints: {
        production: 'https://poll.acme.example',
        hosts: {
          label: { production: 'https://api.acme.example' },
          www: { production: 'https://www.acme.example' },
        },
      },
    };
    const ctx = createTestContext({
      carrier,
      baseUrl: 'https://acme.test/sim',
      hosts: { www: 'https://www.acme.test' },
      fetch,
    });
    await ctx.http.request({ method: 'GET', path: '/q' });
    await ctx.http.request({ method: 'GET', host: 'label', path: '/order' });
    await ctx.http.request({ method: 'GET', host: 'www', path: '/auto' });
    expect(seen).toEqual([
      'https://acme.test/sim/q',
      'https://acme.test/sim/order',
      'https://www.acme.test/auto',
    ]);
    await expect(ctx.http.request({ method: 'GET', host: 'api', path: '/x' })).rejects.toThrow(
      'request names host "api"',
    );
    const byId = createTestContext({ carrier: 'acme', baseUrl: 'https://acme.test/sim', fetch });
    await byId.http.request({ method: 'GET', host: 'anything', path: '/y' });
    expect(seen.at(-1)).toBe('https://acme.test/sim/y');
  });

  it('sends through the given fetch on the given signal', async () => {
    const controller = new AbortController();
    const seen: { url: string; signal: AbortSignal | null | undefined }[] = [];
    const ctx = createTestContext({
      carrier: 'acme',
      baseUrl: 'https://api.acme.test/',
      credentials: { apiKey: 'k' },
      signal: controller.signal,
      requestId: 'req_1',
      fetch: async (input, init) => {
        seen.push({ url: String(input), signal: init?.signal });
        return new Response('ok');
      },
    });
    await ctx.http.request({ method: 'GET', path: '/v1/x', query: { a: '1' } });
    expect(seen).toEqual([{ url: 'https://api.acme.test/v1/x?a=1', signal: controller.signal }]);
    expect([ctx.signal, ctx.credentials, ctx.requestId]).toEqual([
      controller.signal,
      { apiKey: 'k' },
      'req_1',
    ]);
  });
});
