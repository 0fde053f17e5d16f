import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeCarrier } from '../../test/support/fake-carrier.ts';
import { createTestGateway, type TestGateway } from '../../test/support/test-app.ts';
import { loggerOptions } from './logger.ts';

const SECRET = 'sekret-credential-0123456789';
const PHONE = '+8613912345678';
const STREET = '88 Secret Garden Road';
const lines: Record<string, unknown>[] = [];
const { carrier: fake, script } = createFakeCarrier();
// A carrier with a secret credential, whose adapter carelessly logs it: the gateway's
// redacting logger must still keep it out of the output.
const carrier = {
  ...fake,
  credentials: [
    {
      key: 'apiKey',
      env: 'API_KEY',
      description: 'key',
      secret: true,
      required: true,
      sandboxDefault: SECRET,
    },
  ],
};
let gateway: TestGateway;

beforeAll(async () => {
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  const options = loggerOptions('debug');
  if (typeof options !== 'object') {
    throw new Error('expected logger options');
  }
  gateway = await createTestGateway([carrier], {}, { logger: { ...options, stream } });
  script.parcels.set('FK200001', 'in_transit');
  script.parcels.set('FK200002', 'in_transit');
  script.intercept = async (ctx) => {
    ctx.logger.info(`sending with key ${ctx.credentials.apiKey}`, {
      headers: { 'x-api-key': ctx.credentials.apiKey },
    });
    return { outcome: 'accepted', carrierReference: 'F-1' };
  };
});
afterAll(() => gateway.close());

describe('logs', () => {
  it('write one summary line per request with id, tenant, carrier, outcome and timings', async () => {
    const response = await gateway.app.inject({
      method: 'POST',
      url: '/v1/intercepts',
      headers: { ...gateway.auth.acme, 'idempotency-key': 'log-1' },
      payload: {
        carrier: 'fake',
        trackingNumber: 'FK200001',
        reason: 'other',
        pickupMode: 'self_dropoff',
      },
    });
    expect(response.statusCode).toBe(201);
    const summaries = lines.filter(
      (line) => line.msg === 'request completed' && line.reqId === response.headers['x-request-id'],
    );
    expect(summaries).toHaveLength(1);
    expect(summaries[0]).toMatchObject({
      method: 'POST',
      route: '/v1/intercepts',
      statusCode: 201,
      tenant: 'acme',
      carrier: 'fake',
      outcome: 'accepted',
      durationMs: expect.any(Number),
      carrierMs: expect.any(Number),
    });
  });

  it('never contain API keys, carrier credentials, phone numbers or street addresses', async () => {
    await gateway.app.inject({
      method: 'POST',
      url: '/v1/redirects',
      headers: { ...gateway.auth.acme, 'idempotency-key': 'log-2' },
      payload: {
        carrier: 'fake',
        trackingNumber: 'FK200002',
        orderRef: 'O-LOG',
        reason: 'address_error',
        newAddress: { name: 'Li Lei', phone: PHONE, line1: STREET, city: 'Suzhou', country: 'CN' },
      },
    });
    // A request that fails validation logs nothing of its body either.
    await gateway.app.inject({
      method: 'POST',
      url: '/v1/redirects',
      headers: { ...gateway.auth.acme, 'idempotency-key': 'log-3' },
      payload: { newAddress: { phone: PHONE, line1: STREET } },
    });
    const output = lines.map((line) => JSON.stringify(line)).join('\n');
    const apiKey = gateway.auth.acme.authorization?.replace('Bearer ', '') ?? '';
    expect(output).toContain('sending with key [REDACTED]');
    for (const secret of [SECRET, PHONE, STREET, apiKey]) {
      expect(output).not.toContain(secret);
    }
  });
});
