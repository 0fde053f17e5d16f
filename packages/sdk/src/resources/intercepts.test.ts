import { describe, expect, it } from 'vitest';
import { acceptedIntercept } from '../__fixtures__/resources.ts';
import { json, problem, scriptedFetch } from '../__fixtures__/scripted-fetch.ts';
import { createParcelgateClient } from '../create-client.ts';
import { isNotCancellable } from '../errors/problem-guards.ts';

const ID = 'icp_01JD3K9V7Q8M2N4P6R8T0V2X4Z';

function clientWith(fetch: (request: Request) => Promise<Response>) {
  return createParcelgateClient({ baseUrl: 'https://gateway.test', apiKey: 'key_1', fetch });
}

describe('client.intercepts.cancel and client.redirects.cancel', () => {
  it('posts to the cancel route with an Idempotency-Key and resolves with the action', async () => {
    const cancelled = { ...acceptedIntercept(ID), status: 'cancelled' as const };
    const double = scriptedFetch(json(200, cancelled), json(202, { id: 'rdr_1' }));
    const client = clientWith(double.fetch);

    expect(await client.intercepts.cancel(ID, { idempotencyKey: 'cancel-1' })).toEqual(cancelled);
    await client.redirects.cancel('rdr_01JD3K9V7Q8M2N4P6R8T0V2X4Z');

    expect(double.sent.map((sent) => [sent.method, new URL(sent.url).pathname])).toEqual([
      ['POST', `/v1/intercepts/${ID}/cancel`],
      ['POST', '/v1/redirects/rdr_01JD3K9V7Q8M2N4P6R8T0V2X4Z/cancel'],
    ]);
    expect(double.sent[0]?.headers.get('idempotency-key')).toBe('cancel-1');
    expect(double.sent[1]?.headers.get('idempotency-key')).toMatch(/.+/);
  });

  it('throws not-cancellable, recognised by its guard', async () => {
    const client = clientWith(scriptedFetch(problem(409, 'not-cancellable')).fetch);
    const error = await client.intercepts.cancel(ID).catch((thrown: unknown) => thrown);
    expect(isNotCancellable(error)).toBe(true);
  });
});
