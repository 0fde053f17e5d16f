import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFakeCarrier } from '../../test/support/fake-carrier.ts';
import { createTestGateway, type TestGateway } from '../../test/support/test-app.ts';
import { createTracing, type GatewayTracing } from './tracing.ts';

const CALLER_TRACE = '0af7651916cd43dd8448eb211c80319c';
const CALLER_SPAN = 'b7ad6b7169203331';

describe('request and carrier attempt spans', () => {
  const fake = createFakeCarrier('fake');
  const exporter = new InMemorySpanExporter();
  let tracing: GatewayTracing;
  let gateway: TestGateway;

  beforeAll(async () => {
    tracing = createTracing({
      serviceName: 'test',
      spanProcessor: new SimpleSpanProcessor({ exporter }),
    });
    gateway = await createTestGateway([fake.carrier], { TRACKING_CACHE_TTL_MS: '0' }, { tracing });
    fake.script.parcels.set('FK1001', 'in_transit');
  });
  afterAll(async () => {
    await gateway?.close();
    await tracing?.shutdown();
  });
  beforeEach(() => exporter.reset());

  it("continue the caller's trace; the attempt is a child of the request", async () => {
    const answer = await gateway.app.inject({
      method: 'GET',
      url: '/v1/tracking/fake/FK1001',
      headers: { ...gateway.auth.acme, traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-01` },
    });
    expect(answer.statusCode, answer.body).toBe(200);
    const spans = exporter.getFinishedSpans();
    const request = spans.find((span) => span.name === 'GET /v1/tracking/:carrier/:trackingNumber');
    expect(request?.spanContext().traceId).toBe(CALLER_TRACE);
    expect(request?.parentSpanContext?.spanId).toBe(CALLER_SPAN);
    expect(request?.attributes).toMatchObject({
      'http.request.method': 'GET',
      'http.route': '/v1/tracking/:carrier/:trackingNumber',
      'http.response.status_code': 200,
      'parcelgate.tenant.id': expect.any(String),
    });
    const attempt = spans.find((span) => span.name === 'carrier track');
    expect(attempt?.parentSpanContext?.spanId).toBe(request?.spanContext().spanId);
    expect(attempt?.attributes).toEqual({
      'parcelgate.carrier.id': 'fake',
      'parcelgate.carrier.operation': 'track',
      'parcelgate.carrier.retry': 0,
      'parcelgate.carrier.outcome': 'ok',
    });
    // Nothing recorded names the key or the tracking number.
    const recorded = JSON.stringify(spans.map((span) => [span.name, span.attributes]));
    expect(recorded).not.toContain(gateway.auth.acme.authorization?.slice('Bearer '.length));
    expect(recorded).not.toContain('FK1001');
  });

  it('start a trace of their own without traceparent; an unmatched path is named by its method', async () => {
    // Unknown paths need a key too: a 401 before any route is known.
    const answer = await gateway.app.inject({ method: 'GET', url: '/v1/nowhere' });
    expect(answer.statusCode).toBe(401);
    const [span] = exporter.getFinishedSpans().filter((one) => one.parentSpanContext === undefined);
    expect(span?.name).toBe('GET');
    expect(span?.attributes['http.response.status_code']).toBe(401);
    expect(span?.attributes['http.route']).toBeUndefined();
  });
});
