import { describe, expect, it } from 'vitest';
import { interceptEvent } from '../__fixtures__/resources.ts';
import { json, networkError, problem, scriptedFetch } from '../__fixtures__/scripted-fetch.ts';
import { createParcelgateClient } from '../create-client.ts';
import { isNotFound } from '../errors/problem-guards.ts';

const ID = 'evt_01JD3K9V7Q8M2N4P6R8T0V2X4Z';

function clientWith(fetch: (request: Request) => Promise<Response>) {
  return createParcelgateClient({
    baseUrl: 'https://gateway.test',
    apiKey: 'key_1',
    fetch,
    retryBaseDelayMs: 1,
    retryMaxDelayMs: 1,
  }).events;
}

const page = (ids: string[], nextCursor: string | null) =>
  json(200, { data: ids.map((id) => interceptEvent('intercept.accepted', id)), nextCursor });

describe('client.events', () => {
  it('follows nextCursor item by item, repeating `type` and passing the filters on every page', async () => {
    const double = scriptedFetch(page(['e1', 'e2'], 'c1'), page(['e3'], 'c2'), page([], null));
    const ids: string[] = [];
    const query = {
      type: ['intercept.returned', 'intercept.failed'] as const,
      objectId: 'icp_1',
      limit: 2,
    };
    for await (const event of clientWith(double.fetch).list({ ...query, type: [...query.type] })) {
      ids.push(event.id);
    }
    expect(ids).toEqual(['e1', 'e2', 'e3']);
    expect(double.sent.map((sent) => new URL(sent.url).search)).toEqual([
      '?type=intercept.returned&type=intercept.failed&objectId=icp_1&limit=2',
      '?type=intercept.returned&type=intercept.failed&objectId=icp_1&limit=2&cursor=c1',
      '?type=intercept.returned&type=intercept.failed&objectId=icp_1&limit=2&cursor=c2',
    ]);
    expect(double.sent.every((sent) => sent.method === 'GET')).toBe(true);
    expect(double.sent[0]?.headers.get('authorization')).toBe('Bearer key_1');
  });

  it('walks whole pages with .pages(), reads one with listPage, and stops when the loop breaks', async () => {
    const double = scriptedFetch(page(['e1'], 'c1'), page(['e2'], null), page(['e1'], 'c1'));
    const events = clientWith(double.fetch);
    const pages = [];
    for await (const each of events.list().pages()) {
      pages.push(each.nextCursor);
    }
    expect(pages).toEqual(['c1', null]);
    const one = await events.listPage({ cursor: 'c9' });
    expect(one.data.map((event) => event.id)).toEqual(['e1']);
    expect(new URL(double.sent[2]?.url ?? '').search).toBe('?cursor=c9');
    for await (const _event of events.list()) {
      break;
    }
    expect(double.sent).toHaveLength(4);
  });

  it('reads one event, typed by its type, and throws not-found for an unknown one', async () => {
    const double = scriptedFetch(
      json(200, interceptEvent('intercept.returned')),
      problem(404, 'not-found'),
    );
    const events = clientWith(double.fetch);
    const event = await events.get(ID);
    expect(double.sent[0]?.url).toBe(`https://gateway.test/v1/events/${ID}`);
    expect(event.type === 'intercept.returned' && event.data.status).toBe('returned');
    expect(isNotFound(await events.get(ID).catch((error: unknown) => error))).toBe(true);
  });

  it('redelivers to every endpoint by default, or to one, and resends after a lost answer', async () => {
    const queued = { deliveries: [{ id: 'whd_1', endpointId: 'whe_1' }] };
    const double = scriptedFetch(json(202, queued), networkError(), json(202, queued));
    const events = clientWith(double.fetch);
    expect(await events.redeliver(ID)).toEqual(queued);
    expect(await events.redeliver(ID, { endpointId: 'whe_1' })).toEqual(queued);
    expect(double.sent.map((sent) => [sent.method, new URL(sent.url).pathname, sent.body])).toEqual(
      [
        ['POST', `/v1/events/${ID}/redeliver`, '{}'],
        ['POST', `/v1/events/${ID}/redeliver`, '{"endpointId":"whe_1"}'],
        ['POST', `/v1/events/${ID}/redeliver`, '{"endpointId":"whe_1"}'],
      ],
    );
  });
});
