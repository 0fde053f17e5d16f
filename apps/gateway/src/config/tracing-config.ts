/** How spans are exported: OTLP over HTTP, JSON or protobuf bodies. */
export type OtlpProtocol = 'http/json' | 'http/protobuf';

/** Which traces are kept: the OpenTelemetry SDK's `OTEL_TRACES_SAMPLER` names. */
export type TracesSampler =
  | 'always_on'
  | 'always_off'
  | 'traceidratio'
  | 'parentbased_always_on'
  | 'parentbased_always_off'
  | 'parentbased_traceidratio';

/** Tracing with OpenTelemetry (docs/observability.md); absent when it is off. */
export interface TracingConfig {
  /** Where spans are posted: the full URL of the collector's traces endpoint. */
  readonly tracesUrl: string;
  readonly protocol: OtlpProtocol;
  /** `service.name` of every span. */
  readonly serviceName: string;
  readonly sampler: TracesSampler;
  /** The ratio of the `*traceidratio` samplers, from 0 to 1. */
  readonly samplerRatio: number;
  /** How long finished spans wait to be sent in one batch (`OTEL_BSP_SCHEDULE_DELAY`). */
  readonly exportDelayMs: number;
}

/** Reads one whole number from the environment, recording a problem when it is invalid. */
type ReadInteger = (name: string, fallback: number, min: number, max: number) => number;

const PROTOCOLS: readonly OtlpProtocol[] = ['http/json', 'http/protobuf'];
const SAMPLERS: readonly TracesSampler[] = [
  'always_on',
  'always_off',
  'traceidratio',
  'parentbased_always_on',
  'parentbased_always_off',
  'parentbased_traceidratio',
];

/**
 * Reads the standard OpenTelemetry variables the gateway honours. Tracing is on only when
 * `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` (the traces URL as is) or
 * `OTEL_EXPORTER_OTLP_ENDPOINT` (`/v1/traces` appended) is set and `OTEL_SDK_DISABLED` is
 * not `true`; otherwise nothing of OpenTelemetry runs. `OTEL_EXPORTER_OTLP_TRACES_PROTOCOL`
 * or `OTEL_EXPORTER_OTLP_PROTOCOL` (`http/protobuf`, the specification's default, or
 * `http/json`), `OTEL_SERVICE_NAME` (`parcelgate-gateway`), `OTEL_TRACES_SAMPLER`
 * (`parentbased_always_on`), `OTEL_TRACES_SAMPLER_ARG` (1) and `OTEL_BSP_SCHEDULE_DELAY`
 * (5000 ms).
 */
export function readTracingConfig(
  env: Readonly<Record<string, string | undefined>>,
  integer: ReadInteger,
  problems: string[],
): TracingConfig | undefined {
  const read = (name: string) => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const disabled = read('OTEL_SDK_DISABLED')?.toLowerCase();
  if (disabled !== undefined && disabled !== 'true' && disabled !== 'false') {
    problems.push(`OTEL_SDK_DISABLED must be true or false (got "${disabled}")`);
  }
  const tracesEndpoint = read('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT');
  const endpoint = read('OTEL_EXPORTER_OTLP_ENDPOINT');
  const protocolName = read('OTEL_EXPORTER_OTLP_TRACES_PROTOCOL')
    ? 'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL'
    : 'OTEL_EXPORTER_OTLP_PROTOCOL';
  const protocol = read(protocolName) ?? 'http/protobuf';
  if (!PROTOCOLS.includes(protocol as OtlpProtocol)) {
    problems.push(
      `${protocolName} must be http/protobuf or http/json (got "${protocol}"; grpc is not supported)`,
    );
  }
  const sampler = read('OTEL_TRACES_SAMPLER') ?? 'parentbased_always_on';
  if (!SAMPLERS.includes(sampler as TracesSampler)) {
    problems.push(`OTEL_TRACES_SAMPLER must be one of ${SAMPLERS.join(', ')} (got "${sampler}")`);
  }
  const rawRatio = read('OTEL_TRACES_SAMPLER_ARG');
  const samplerRatio = rawRatio === undefined ? 1 : Number(rawRatio);
  if (!Number.isFinite(samplerRatio) || samplerRatio < 0 || samplerRatio > 1) {
    problems.push(`OTEL_TRACES_SAMPLER_ARG must be a number from 0 to 1 (got "${rawRatio}")`);
  }
  const tracesUrl =
    tracesEndpoint ??
    (endpoint === undefined ? undefined : `${endpoint.replace(/\/+$/, '')}/v1/traces`);
  if (tracesUrl !== undefined && !isHttpUrl(tracesUrl)) {
    problems.push(
      `${tracesEndpoint === undefined ? 'OTEL_EXPORTER_OTLP_ENDPOINT' : 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'} must be an http(s) URL (got "${tracesEndpoint ?? endpoint}")`,
    );
  }
  const exportDelayMs = integer('OTEL_BSP_SCHEDULE_DELAY', 5_000, 1, 600_000);
  if (tracesUrl === undefined || disabled === 'true') {
    return undefined;
  }
  return {
    tracesUrl,
    protocol: protocol as OtlpProtocol,
    serviceName: read('OTEL_SERVICE_NAME') ?? 'parcelgate-gateway',
    sampler: sampler as TracesSampler,
    samplerRatio,
    exportDelayMs,
  };
}

function isHttpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}
