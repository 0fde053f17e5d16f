import { describe, expect, it } from 'vitest';
import { registeredParcel } from '../__fixtures__/resources.ts';
import { json, networkError, problem, scriptedFetch } from '../__fixtures__/scripted-fetch.ts';
import { createParcelgateClient } from '../create-client.ts';
import { isParcelAlreadyRegistered } from '../errors/problem-guards.ts';

const ID = 'pcl_01JD3K9V7Q8M2N4P6R8T0V2X4Z';

function clientWith(fetch: (request: Request) => Promise<Response>) {
  return createParcelgateClient({
    baseUrl: 'https://gateway.test',
    apiKey: 'key_1',
    fetch,
    retryBaseDelayMs: 1,
    retryMaxDelayMs: 1,
  }).parcels;
}

const page = (ids: string[], nextCursor: string | null) =>
  json(200, { data: ids.map((id) => registeredParcel(id)), nextCursor });

const newParcel = { carrier: 'sandbox', trackingNumber: 'SBX100000016', orderRef: 'TTS-5801' };

describe('client.parcels', () => {
  it('registers a parcel, and resolves with the first registration when it was already', async () => {
    const double = scriptedFetch(json(201, registeredParcel()), json(200, registeredParcel()));
    const parcels = clientWith(double.fetch);
    expect(await parcels.register(newParcel)).toEqual(registeredParcel());
    expect(await parcels.register(newParcel)).toEqual(registeredParcel());
    expect(double.sent.map((sent) => [sent.method, new URL(sent.url).pathname])).toEqual([
      ['POST', '/v1/parcels'],
      ['POST', '/v1/parcels'],
    ]);
    expect(JSON.parse(double.sent[0]?.body ?? '')).toEqual(newParcel);
    expect(double.sent[0]?.headers.get('content-type')).toBe('application/json');
  });

  it('sends a registration again after an attempt that got no answer: it is idempotent', async () => {
    const double = scriptedFetch(networkError(), json(200, registeredParcel()));
    expect(await clientWith(double.fetch).register(newParcel)).toEqual(registeredParcel());
    expect(double.sent).toHaveLength(2);
  });

  it('throws parcel-already-registered when another tenant registered it, without retrying', async () => {
    const double = scriptedFetch(problem(409, 'parcel-already-registered'));
    const error = await clientWith(double.fetch)
      .register(newParcel)
      .catch((caught: unknown) => caught);
    expect(isParcelAlreadyRegistered(error)).toBe(true);
    expect(double.sent).toHaveLength(1);
  });

  it('reads one parcel by id', async () => {
    const double = scriptedFetch(json(200, registeredParcel()));
    expect(await clientWith(double.fetch).get(ID)).toEqual(registeredParcel());
    expect(double.sent[0]?.url).toBe(`https://gateway.test/v1/parcels/${ID}`);
  });

  it('follows cursors item by item, passing the filters on every page', async () => {
    const double = scriptedFetch(page(['a', 'b'], 'c1'), page(['c'], null));
    const ids: string[] = [];
    for await (const parcel of clientWith(double.fetch).list({ carrier: 'sandbox', limit: 2 })) {
      ids.push(parcel.id);
    }
    expect(ids).toEqual(['a', 'b', 'c']);
    expect(double.sent.map((sent) => new URL(sent.url).search)).toEqual([
      '?carrier=sandbox&limit=2',
      '?carrier=sandbox&limit=2&cursor=c1',
    ]);
  });

  it('reads one page with listPage, and stops requesting once the loop breaks', async () => {
    const double = scriptedFetch(page(['a', 'b'], 'c1'), page(['a', 'b'], 'c1'), page(['c'], null));
    const parcels = clientWith(double.fetch);
    const first = await parcels.listPage({ trackingNumber: 'SBX100000016', orderRef: 'TTS-5801' });
    expect(first.nextCursor).toBe('c1');
    expect(new URL(double.sent[0]?.url ?? '').search).toBe(
      '?trackingNumber=SBX100000016&orderRef=TTS-5801',
    );
    for await (const parcel of parcels.list()) {
      expect(parcel.id).toBe('a');
      break;
    }
    expect(double.sent).toHaveLength(2);
  });
});
