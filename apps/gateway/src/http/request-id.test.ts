import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeCarrier } from '../../test/support/fake-carrier.ts';
import { createTestGateway, type TestGateway } from '../../test/support/test-app.ts';
import { requestIdOf } from './request-id.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function withHeader(value: string | string[] | undefined): IncomingMessage {
  return { headers: value === undefined ? {} : { 'x-request-id': value } } as IncomingMessage;
}

describe('requestIdOf', () => {
  it("keeps a client's id of at most 128 characters of [A-Za-z0-9._:-]", () => {
    for (const id of ['a', 'req-42', 'trace:01J.X_y-z', 'x'.repeat(128)]) {
      expect(requestIdOf(withHeader(id))).toBe(id);
    }
  });

  it('makes a new UUID for a missing, long or unsafe id', () => {
    for (const id of [
      undefined,
      '',
      'x'.repeat(129),
      'two words',
      'line\nbreak',
      '<script>',
      'a/b',
      'é',
      '"quoted"',
      ['a', 'b'],
    ]) {
      expect(requestIdOf(withHeader(id)), JSON.stringify(id)).toMatch(UUID);
    }
  });
});

describe('request ids on answers', () => {
  const { carrier } = createFakeCarrier();
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await createTestGateway([carrier], {}, { database: 'from-env' });
  });
  afterAll(() => gateway?.close());

  it('echoes a safe client id, in the header and the problem, and replaces an unsafe one', async () => {
    const kept = await gateway.app.inject({
      method: 'GET',
      url: '/v1/carriers',
      headers: { 'x-request-id': 'client-id:42' },
    });
    expect(kept.headers['x-request-id']).toBe('client-id:42');
    expect(kept.json().requestId).toBe('client-id:42');

    const replaced = await gateway.app.inject({
      method: 'GET',
      url: '/v1/carriers',
      headers: { 'x-request-id': 'has spaces <b>' },
    });
    expect(replaced.headers['x-request-id']).toMatch(UUID);
    expect(replaced.json().requestId).toBe(replaced.headers['x-request-id']);
    const long = await gateway.app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'y'.repeat(129) },
    });
    expect(long.headers['x-request-id']).toMatch(UUID);
  });
});
