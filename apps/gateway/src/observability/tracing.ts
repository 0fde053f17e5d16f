import {
  type Context,
  context,
  defaultTextMapGetter,
  defaultTextMapSetter,
  ROOT_CONTEXT,
  type Span,
  type Tracer,
  trace,
} from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter as OtlpJsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as OtlpProtobufExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BatchSpanProcessor,
  ParentBasedSampler,
  type Sampler,
  type SpanProcessor,
  TraceIdRatioBasedSampler,
  TracerProvider,
} from '@opentelemetry/sdk-trace';
import type { TracingConfig } from '../config/tracing-config.ts';

/**
 * The gateway's tracing, made only when it is on: the tracer, the W3C trace context
 * (`traceparent`, `tracestate`) in and out, and the exporter's shutdown. Every part of
 * the gateway that traces is handed this object, or is not installed at all when tracing
 * is off, so a gateway without a collector runs no OpenTelemetry code per request.
 */
export interface GatewayTracing {
  readonly tracer: Tracer;
  /** The caller's trace context from a request's headers (the root context if none). */
  extract(headers: Readonly<Record<string, string | string[] | undefined>>): Context;
  /** `traceparent` (and `tracestate`) naming `span` as the parent of an outgoing call. */
  headersFor(span: Span): Record<string, string>;
  /** Sends what is still buffered and stops the exporter. */
  shutdown(): Promise<void>;
  /** Sends what is buffered now (tests). */
  forceFlush(): Promise<void>;
}

/** The instrumentation scope of every span the gateway makes. */
export const TRACER_NAME = '@parcelgate/gateway';

/** How {@link createTracing} is built: the config, or a span processor of a test's own. */
export interface TracingOptions {
  readonly serviceName: string;
  readonly sampler?: Sampler;
  /** Where finished spans go. */
  readonly spanProcessor: SpanProcessor;
}

/**
 * Starts tracing from the config: spans batched and posted over OTLP/HTTP, JSON or
 * protobuf as `protocol` says. The exporter reads its other standard variables itself
 * (`OTEL_EXPORTER_OTLP_HEADERS`, `_TIMEOUT`, `_COMPRESSION`, certificates).
 */
export function openTracing(config: TracingConfig): GatewayTracing {
  const exporterConfig = { url: config.tracesUrl };
  const exporter =
    config.protocol === 'http/json'
      ? new OtlpJsonExporter(exporterConfig)
      : new OtlpProtobufExporter(exporterConfig);
  return createTracing({
    serviceName: config.serviceName,
    sampler: samplerOf(config),
    spanProcessor: new BatchSpanProcessor({
      exporter,
      scheduledDelayMillis: config.exportDelayMs,
    }),
  });
}

/** Builds tracing on a span processor; {@link openTracing} for the exporter of the config. */
export function createTracing(options: TracingOptions): GatewayTracing {
  // One context manager for the process (AsyncLocalStorage): a second gateway in the same
  // process (tests) finds it already set and shares it, which is harmless.
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  // The provider is not registered globally: only the gateway's own code makes spans, and
  // libraries that would trace through the global API (pg-boss) stay silent.
  const provider = new TracerProvider({
    resource: defaultResource().merge(
      resourceFromAttributes({ 'service.name': options.serviceName }),
    ),
    ...(options.sampler === undefined ? {} : { sampler: options.sampler }),
    spanProcessors: [options.spanProcessor],
  });
  const propagator = new W3CTraceContextPropagator();
  return {
    tracer: provider.getTracer(TRACER_NAME),
    extract: (headers) => propagator.extract(ROOT_CONTEXT, headers, defaultTextMapGetter),
    headersFor(span) {
      const headers: Record<string, string> = {};
      propagator.inject(trace.setSpan(ROOT_CONTEXT, span), headers, defaultTextMapSetter);
      return headers;
    },
    shutdown: () => provider.shutdown(),
    forceFlush: () => provider.forceFlush(),
  };
}

function samplerOf(config: TracingConfig): Sampler {
  const ratio = () => new TraceIdRatioBasedSampler(config.samplerRatio);
  switch (config.sampler) {
    case 'always_on':
      return new AlwaysOnSampler();
    case 'always_off':
      return new AlwaysOffSampler();
    case 'traceidratio':
      return ratio();
    case 'parentbased_always_on':
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
    case 'parentbased_always_off':
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case 'parentbased_traceidratio':
      return new ParentBasedSampler({ root: ratio() });
  }
}

/**
 * The ids a log line carries inside a trace (the names of OpenTelemetry's log data model):
 * the active span's, so a line logged during a carrier attempt names the attempt. Given to
 * pino as its `mixin` only when tracing is on.
 */
export function traceLogFields(): { trace_id?: string; span_id?: string } {
  const span = trace.getSpan(context.active());
  if (span === undefined) {
    return {};
  }
  const { traceId, spanId } = span.spanContext();
  return { trace_id: traceId, span_id: spanId };
}
