import { describe, expect, it } from 'vitest';
import { interceptRequest } from '../__fixtures__/resources.ts';
import { json, problem, scriptedFetch } from '../__fixtures__/scripted-fetch.ts';
import { createParcelgateClient } from '../create-client.ts';
import { isValidationFailed } from '../errors/problem-guards.ts';
import type { InterceptBatch } from '../types.ts';

const ID = 'icb_01JD3K9V7Q8M2N4P6R8T0V2X4Z';

const running: InterceptBatch = {
  id: ID,
  status: 'running',
  counts: {
    total: 2,
    queued: 2,
    running: 0,
    done: 0,
    succeeded: 0,
    pending: 0,
    refused: 0,
    failed: 0,
    cancelled: 0,
  },
  createdAt: '2026-11-26T09:00:00.000Z',
  completedAt: null,
  items: [],
  nextCursor: null,
};

function clientWith(fetch: (request: Request) => Promise<Response>) {
  return createParcelgateClient({
    baseUrl: 'https://gateway.test',
    apiKey: 'key_1',
    fetch,
    retryBaseDelayMs: 1,
    retryMaxDelayMs: 1,
  }).interceptBatches;
}

describe('client.interceptBatches', () => {
  it('posts the items under one Idempotency-Key, which its retries reuse', async () => {
    const double = scriptedFetch(problem(503, 'database-unavailable'), json(202, running));
    const items = [interceptRequest, { ...interceptRequest, trackingNumber: 'SBX100000024' }];
    expect(await clientWith(double.fetch).create({ items })).toEqual(running);
    expect(double.sent.map((sent) => [sent.method, new URL(sent.url).pathname])).toEqual([
      ['POST', '/v1/intercepts/batch'],
      ['POST', '/v1/intercepts/batch'],
    ]);
    const keys = double.sent.map((sent) => sent.headers.get('idempotency-key'));
    expect(keys[0]).toMatch(/.+/);
    expect(keys[1]).toBe(keys[0]);
    expect(JSON.parse(double.sent[0]?.body ?? '')).toEqual({ items });
  });

  it('reads a page of items with cursor and limit, and throws the validation problem', async () => {
    const double = scriptedFetch(json(200, running), problem(400, 'validation-failed'));
    const batches = clientWith(double.fetch);
    await batches.get(ID, { cursor: 'c1', limit: 1000 });
    expect(
      new URL(double.sent[0]?.url ?? '').pathname + new URL(double.sent[0]?.url ?? '').search,
    ).toBe(`/v1/intercepts/batch/${ID}?cursor=c1&limit=1000`);
    const error = await batches
      .create({ items: [interceptRequest] })
      .catch((thrown: unknown) => thrown);
    expect(isValidationFailed(error)).toBe(true);
  });
});
