import type { ConfigValues } from './config-schema.ts';
import type { TRACES_SAMPLERS } from './schema/tracing-variables.ts';

/** How spans are exported: OTLP over HTTP, JSON or protobuf bodies. */
export type OtlpProtocol = 'http/json' | 'http/protobuf';

/** Which traces are kept: the OpenTelemetry SDK's `OTEL_TRACES_SAMPLER` names. */
export type TracesSampler = (typeof TRACES_SAMPLERS)[number];

/** Tracing with OpenTelemetry (docs/observability.md); absent when it is off. */
export interface TracingConfig {
  /** Where spans are posted: the full URL of the collector's traces endpoint. */
  readonly tracesUrl: string;
  readonly protocol: OtlpProtocol;
  /** `service.name` of every span. */
  readonly serviceName: string;
  readonly sampler: TracesSampler;
  /** The ratio of the `*traceidratio` samplers, above 0 and at most 1. */
  readonly samplerRatio: number;
  /** How long finished spans wait to be sent in one batch (`OTEL_BSP_SCHEDULE_DELAY`). */
  readonly exportDelayMs: number;
}

/**
 * Tracing is on only when `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` (the traces URL as is) or
 * `OTEL_EXPORTER_OTLP_ENDPOINT` (`/v1/traces` appended) is set and `OTEL_SDK_DISABLED` is
 * not `true`; otherwise nothing of OpenTelemetry runs (schema/tracing-variables.ts).
 */
export function readTracingConfig(values: ConfigValues): TracingConfig | undefined {
  const tracesUrl =
    values.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ??
    (values.OTEL_EXPORTER_OTLP_ENDPOINT === undefined
      ? undefined
      : `${values.OTEL_EXPORTER_OTLP_ENDPOINT}/v1/traces`);
  if (tracesUrl === undefined || values.OTEL_SDK_DISABLED) {
    return undefined;
  }
  return {
    tracesUrl,
    protocol: (values.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ??
      values.OTEL_EXPORTER_OTLP_PROTOCOL ??
      'http/protobuf') as OtlpProtocol,
    serviceName: values.OTEL_SERVICE_NAME,
    sampler: values.OTEL_TRACES_SAMPLER,
    samplerRatio: values.OTEL_TRACES_SAMPLER_ARG,
    exportDelayMs: values.OTEL_BSP_SCHEDULE_DELAY,
  };
}
