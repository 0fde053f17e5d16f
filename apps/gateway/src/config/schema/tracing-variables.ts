import {
  decimal,
  defineSection,
  flag,
  httpUrl,
  oneOf,
  text,
  wholeNumber,
} from './variable-types.ts';

/** The samplers of `OTEL_TRACES_SAMPLER`, the OpenTelemetry SDK's names. */
export const TRACES_SAMPLERS = [
  'always_on',
  'always_off',
  'traceidratio',
  'parentbased_always_on',
  'parentbased_always_off',
  'parentbased_traceidratio',
] as const;

const PROTOCOL = {
  pattern: '^http/(?:protobuf|json)$',
  expectation: 'http/protobuf or http/json (grpc is not supported)',
} as const;

/** Tracing with OpenTelemetry: the standard `OTEL_*` variables the gateway honours. */
export const tracingSection = defineSection({
  id: 'tracing',
  title: 'Tracing (OpenTelemetry)',
  intro:
    'Off unless a collector is named: then no OpenTelemetry code runs per request. The spans, their attributes and how to point them at Jaeger or an OpenTelemetry Collector: [observability.md](observability.md#tracing).',
  notes:
    "The exporter also reads the standard `OTEL_EXPORTER_OTLP_HEADERS` (e.g. a collector's API key), `OTEL_EXPORTER_OTLP_TIMEOUT`, `OTEL_EXPORTER_OTLP_COMPRESSION` (`gzip`) and the certificate variables, and their `_TRACES_` forms, itself.",
  variables: {
    OTEL_EXPORTER_OTLP_ENDPOINT: httpUrl({
      defaultText: 'unset: tracing off',
      description:
        "the collector's OTLP/HTTP base URL (`http://collector:4318`); spans go to `<it>/v1/traces`",
    }),
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: httpUrl({
      defaultText: 'unset',
      description:
        'the full URL spans are posted to, taken as is; wins over `OTEL_EXPORTER_OTLP_ENDPOINT`',
    }),
    OTEL_EXPORTER_OTLP_PROTOCOL: text({
      ...PROTOCOL,
      defaultText: '`http/protobuf`',
      description: 'how spans are sent: `http/protobuf` or `http/json`; `grpc` is refused',
    }),
    OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: text({
      ...PROTOCOL,
      defaultText: '`OTEL_EXPORTER_OTLP_PROTOCOL`',
      description: 'the same for traces only; wins over `OTEL_EXPORTER_OTLP_PROTOCOL`',
    }),
    OTEL_SERVICE_NAME: text({
      default: 'parcelgate-gateway',
      description: "the spans' `service.name`",
    }),
    OTEL_TRACES_SAMPLER: oneOf(TRACES_SAMPLERS, {
      default: 'parentbased_always_on',
      description:
        "which traces are kept; the `parentbased_*` ones follow the caller's decision when its `traceparent` carries one",
    }),
    OTEL_TRACES_SAMPLER_ARG: decimal({
      above: 0,
      maximum: 1,
      default: 1,
      description: 'the ratio of traces the `traceidratio` samplers keep',
    }),
    OTEL_BSP_SCHEDULE_DELAY: wholeNumber({
      default: 5_000,
      minimum: 1,
      maximum: 600_000,
      description: 'milliseconds finished spans wait to be sent together',
    }),
    OTEL_SDK_DISABLED: flag({
      description: '`true` turns tracing off whatever else is set',
    }),
  },
});
