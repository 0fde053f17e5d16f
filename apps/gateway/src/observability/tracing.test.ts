import { context, SpanKind, trace } from '@opentelemetry/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OtlpReceiver, startOtlpReceiver } from '../../test/support/otlp-receiver.ts';
import type { OtlpProtocol } from '../config/tracing-config.ts';
import { openTracing, traceLogFields } from './tracing.ts';

let receiver: OtlpReceiver;
beforeAll(async () => {
  receiver = await startOtlpReceiver();
});
afterAll(async () => {
  await receiver?.close();
});

const CALLER_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN = '00f067aa0ba902b7';

describe.each<OtlpProtocol>(['http/json', 'http/protobuf'])('openTracing over %s', (protocol) => {
  it("exports spans continuing the caller's trace, and names them for outgoing calls", async () => {
    const tracing = openTracing({
      tracesUrl: `${receiver.url}/v1/traces`,
      protocol,
      serviceName: `gateway-${protocol}`,
      sampler: 'parentbased_always_on',
      samplerRatio: 1,
      exportDelayMs: 5_000,
    });
    const parent = tracing.extract({
      traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-01`,
      tracestate: 'vendor=opaque',
    });
    const span = tracing.tracer.startSpan(
      'GET /v1/x',
      { kind: SpanKind.SERVER, attributes: { 'http.route': '/v1/x', retry: 2, ok: true } },
      parent,
    );
    const headers = tracing.headersFor(span);
    expect(headers.traceparent).toBe(`00-${CALLER_TRACE}-${span.spanContext().spanId}-01`);
    expect(headers.tracestate).toBe('vendor=opaque');
    expect(context.with(trace.setSpan(parent, span), traceLogFields)).toEqual({
      trace_id: CALLER_TRACE,
      span_id: span.spanContext().spanId,
    });
    span.end();
    // Shutting down sends what is buffered, without waiting for the batch delay.
    await tracing.shutdown();
    const spans = await receiver.waitFor((all) =>
      all.some((one) => one.serviceName === `gateway-${protocol}`),
    );
    const sent = spans.find((one) => one.serviceName === `gateway-${protocol}`);
    expect(sent).toEqual({
      traceId: CALLER_TRACE,
      spanId: span.spanContext().spanId,
      parentSpanId: CALLER_SPAN,
      name: 'GET /v1/x',
      kind: 2,
      attributes: { 'http.route': '/v1/x', retry: 2, ok: true },
      statusCode: 0,
      serviceName: `gateway-${protocol}`,
      encoding: protocol === 'http/json' ? 'application/json' : 'application/x-protobuf',
    });
  });
});

describe('traceLogFields', () => {
  it('is empty outside any span', () => {
    expect(traceLogFields()).toEqual({});
  });
});
