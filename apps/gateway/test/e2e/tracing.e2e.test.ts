/**
 * Tracing, end to end: the built gateway exports its spans over OTLP/HTTP to a real
 * receiver, in JSON and in protobuf. A client's `traceparent` is continued by the request
 * span, each carrier attempt is a span of its own (with its retry number) whose
 * `traceparent` reaches the carrier (the simulator keeps what it was sent), database
 * work is traced, and the request's log lines name the trace.
 */
import { randomBytes } from 'node:crypto';
import { newKey, type Stack, startStack } from '@parcelgate/test-stack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type OtlpReceiver,
  type ReceivedSpan,
  startOtlpReceiver,
} from '../support/otlp-receiver.ts';
import type { Intercept, Tracking } from './api-types.ts';

const SERVER = 2;
const CLIENT = 3;

/** A fresh caller's trace context: a trace id and the caller's span id. */
function callerContext() {
  const traceId = randomBytes(16).toString('hex');
  const parentId = randomBytes(8).toString('hex');
  return { traceId, parentId, traceparent: `00-${traceId}-${parentId}-01` };
}

const ofTrace = (spans: readonly ReceivedSpan[], traceId: string) =>
  spans.filter((span) => span.traceId === traceId);

describe.each(['http/json', 'http/protobuf'])('tracing exported over %s', (protocol) => {
  let receiver: OtlpReceiver;
  let stack: Stack;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    stack = await startStack({
      // A tenant whose key nothing has used yet: its first request reads it from the database.
      tenants: ['traced'],
      gatewayEnv: () => ({
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_EXPORTER_OTLP_PROTOCOL: protocol,
        OTEL_SERVICE_NAME: 'parcelgate-e2e',
        // Batches leave quickly, so the test waits little for them.
        OTEL_BSP_SCHEDULE_DELAY: '100',
      }),
    });
  });

  afterAll(async () => {
    await stack?.stop();
    await receiver?.close();
  });

  it("a tracking read continues the caller's trace: request, attempts with retry numbers, database, logs", async () => {
    const trackingNumber = await stack.sim.createParcel({ status: 'in_transit' });
    // The first attempt meets a 503, the retry succeeds.
    await stack.sim.addFault({
      carrier: 'sandbox',
      operation: 'track',
      trackingNumber,
      count: 1,
      fault: { type: 'status', code: 503 },
    });
    const caller = callerContext();
    const key = stack.keys.traced ?? '';
    const answer = await stack.client(key).get<Tracking>(`/v1/tracking/sandbox/${trackingNumber}`, {
      headers: { traceparent: caller.traceparent, tracestate: 'caller=1' },
    });
    expect(answer.status, answer.text).toBe(200);

    const spans = ofTrace(
      await receiver.waitFor((all) => {
        const trace = ofTrace(all, caller.traceId);
        return (
          trace.some((span) => span.kind === SERVER) &&
          trace.filter((span) => span.name === 'carrier track').length >= 2
        );
      }),
      caller.traceId,
    );
    const request = spans.find((span) => span.kind === SERVER);
    expect(request).toMatchObject({
      name: 'GET /v1/tracking/:carrier/:trackingNumber',
      parentSpanId: caller.parentId,
      serviceName: 'parcelgate-e2e',
      encoding: protocol === 'http/json' ? 'application/json' : 'application/x-protobuf',
      attributes: {
        'http.request.method': 'GET',
        'http.route': '/v1/tracking/:carrier/:trackingNumber',
        'http.response.status_code': 200,
        'parcelgate.tenant.id': expect.any(String),
      },
    });
    // Neither the API key nor the tracking number is in any span.
    for (const span of spans) {
      const text = JSON.stringify(span);
      expect(text).not.toContain(key);
      expect(text).not.toContain(trackingNumber);
    }

    const attempts = spans
      .filter((span) => span.name === 'carrier track')
      .sort(
        (a, b) =>
          Number(a.attributes['parcelgate.carrier.retry']) -
          Number(b.attributes['parcelgate.carrier.retry']),
      );
    expect(attempts.map((span) => span.attributes)).toEqual([
      expect.objectContaining({
        'parcelgate.carrier.id': 'sandbox',
        'parcelgate.carrier.operation': 'track',
        'parcelgate.carrier.retry': 0,
        'parcelgate.carrier.outcome': 'retryable',
        'http.response.status_code': 503,
      }),
      expect.objectContaining({
        'parcelgate.carrier.retry': 1,
        'parcelgate.carrier.outcome': 'ok',
        'http.response.status_code': 200,
      }),
    ]);
    for (const attempt of attempts) {
      expect(attempt.kind).toBe(CLIENT);
      expect(attempt.parentSpanId).toBe(request?.spanId);
    }

    // The key was read from the database, under the request's span.
    const statements = spans.filter((span) => span.attributes['db.system.name'] === 'postgresql');
    expect(statements.length).toBeGreaterThan(0);
    for (const statement of statements) {
      expect(statement.name).toMatch(/^(?:[A-Z]+|transaction)$/);
    }

    // Each attempt's traceparent reached the carrier, naming the attempt as the parent.
    const sent = (await stack.sim.tracedCalls()).filter(
      (call) => call.trackingNumber === trackingNumber,
    );
    expect(sent.map((call) => call.traceparent).sort()).toEqual(
      attempts.map((span) => `00-${caller.traceId}-${span.spanId}-01`).sort(),
    );
    expect(sent.every((call) => call.tracestate === 'caller=1')).toBe(true);

    // The request's summary line names its trace and span.
    const lines = stack
      .gatewayLogs()
      .split('\n')
      .filter((line) => line.includes(caller.traceId))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toContainEqual(
      expect.objectContaining({
        msg: 'request completed',
        trace_id: caller.traceId,
        span_id: request?.spanId,
      }),
    );
  });

  it('an intercept traces its statements; storing a carrier connection, its transaction', async () => {
    const trackingNumber = await stack.sim.createParcel({ status: 'in_transit' });
    const intercepting = callerContext();
    const answer = await stack.api.post<Intercept>(
      '/v1/intercepts',
      {
        carrier: 'sandbox',
        trackingNumber,
        reason: 'buyer_cancelled',
        pickupMode: 'platform_pickup',
      },
      { idempotencyKey: newKey(), headers: { traceparent: intercepting.traceparent } },
    );
    expect(answer.status, answer.text).toBe(201);
    const connecting = callerContext();
    const connection = await stack.api.post(
      '/v1/carrier-connections',
      {
        carrier: 'sandbox',
        label: 'traced account',
        mode: 'test',
        credentials: { apiKey: 'sbx_traced' },
      },
      { headers: { traceparent: connecting.traceparent } },
    );
    expect(connection.status, connection.text).toBe(201);

    const isStatement = (span: ReceivedSpan) => span.attributes['db.operation.name'] !== undefined;
    const spans = await receiver.waitFor((all) => {
      const intercept = ofTrace(all, intercepting.traceId);
      const connect = ofTrace(all, connecting.traceId);
      return (
        intercept.some((span) => span.kind === SERVER) &&
        intercept.some((span) => span.name === 'carrier intercept') &&
        intercept.some((span) => span.attributes['db.operation.name'] === 'INSERT') &&
        connect.some((span) => span.kind === SERVER) &&
        connect.some((span) => span.name === 'transaction')
      );
    });

    const intercept = ofTrace(spans, intercepting.traceId);
    const request = intercept.find((span) => span.kind === SERVER);
    expect(request?.name).toBe('POST /v1/intercepts');
    expect(request?.attributes['http.response.status_code']).toBe(201);
    for (const statement of intercept.filter(isStatement)) {
      // The kind, never the text or the parameters.
      expect(statement.attributes).toEqual({
        'db.system.name': 'postgresql',
        'db.operation.name': statement.name,
      });
    }
    expect(intercept.find((span) => span.name === 'carrier intercept')?.attributes).toMatchObject({
      'parcelgate.carrier.retry': 0,
      'parcelgate.carrier.outcome': 'ok',
    });

    const connect = ofTrace(spans, connecting.traceId);
    const transaction = connect.find((span) => span.name === 'transaction');
    expect(transaction?.attributes).toEqual({ 'db.system.name': 'postgresql' });
    const inTransaction = connect.filter((span) => span.parentSpanId === transaction?.spanId);
    expect(inTransaction.length).toBeGreaterThan(0);
    expect(inTransaction.every(isStatement)).toBe(true);
    expect(JSON.stringify(connect)).not.toContain('sbx_traced');
  });
});
