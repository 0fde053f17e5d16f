/**
 * A real OTLP/HTTP trace receiver for tests: `POST /v1/traces` in JSON or protobuf (gzip
 * too), as an OpenTelemetry Collector accepts them, recording every span it is sent.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import protobuf from 'protobufjs';

/** An attribute's value as OTLP carries it (arrays and maps are not used by the gateway). */
export type AttributeValue = string | number | boolean;

/** One span as the receiver decoded it; ids in lower-case hex. */
export interface ReceivedSpan {
  readonly traceId: string;
  readonly spanId: string;
  /** Empty for a root span. */
  readonly parentSpanId: string;
  readonly name: string;
  /** OTLP's SpanKind: 1 internal, 2 server, 3 client. */
  readonly kind: number;
  readonly attributes: Readonly<Record<string, AttributeValue>>;
  /** 0 unset, 1 ok, 2 error. */
  readonly statusCode: number;
  /** The resource's `service.name`. */
  readonly serviceName: string;
  /** The body's media type: `application/json` or `application/x-protobuf`. */
  readonly encoding: string;
}

/** A running receiver. */
export interface OtlpReceiver {
  /** Its base URL, as `OTEL_EXPORTER_OTLP_ENDPOINT` takes it. */
  readonly url: string;
  /** Every span received so far, in arrival order. */
  spans(): readonly ReceivedSpan[];
  /**
   * Resolves with the spans once `done` holds of them, checked at every arrival; rejects
   * after `limitMs` (generous: only a hang should meet it) with what arrived.
   */
  waitFor(
    done: (spans: readonly ReceivedSpan[]) => boolean,
    limitMs?: number,
  ): Promise<readonly ReceivedSpan[]>;
  close(): Promise<void>;
}

/**
 * The part of opentelemetry/proto/collector/trace/v1 (and the common, resource and trace
 * messages it uses) the tests read, with the field numbers of the OTLP specification.
 * Fields left out (times, events, links, flags) are skipped by the decoder as unknown.
 */
const OTLP_TRACE_PROTO = {
  nested: {
    ExportTraceServiceRequest: {
      fields: { resourceSpans: { rule: 'repeated', type: 'ResourceSpans', id: 1 } },
    },
    ResourceSpans: {
      fields: {
        resource: { type: 'Resource', id: 1 },
        scopeSpans: { rule: 'repeated', type: 'ScopeSpans', id: 2 },
      },
    },
    Resource: { fields: { attributes: { rule: 'repeated', type: 'KeyValue', id: 1 } } },
    ScopeSpans: { fields: { spans: { rule: 'repeated', type: 'Span', id: 2 } } },
    Span: {
      fields: {
        traceId: { type: 'bytes', id: 1 },
        spanId: { type: 'bytes', id: 2 },
        parentSpanId: { type: 'bytes', id: 4 },
        name: { type: 'string', id: 5 },
        kind: { type: 'int32', id: 6 },
        attributes: { rule: 'repeated', type: 'KeyValue', id: 9 },
        status: { type: 'Status', id: 15 },
      },
    },
    Status: { fields: { message: { type: 'string', id: 2 }, code: { type: 'int32', id: 3 } } },
    KeyValue: { fields: { key: { type: 'string', id: 1 }, value: { type: 'AnyValue', id: 2 } } },
    AnyValue: {
      oneofs: { value: { oneof: ['stringValue', 'boolValue', 'intValue', 'doubleValue'] } },
      fields: {
        stringValue: { type: 'string', id: 1 },
        boolValue: { type: 'bool', id: 2 },
        intValue: { type: 'int64', id: 3 },
        doubleValue: { type: 'double', id: 4 },
      },
    },
  },
};

const ExportTraceServiceRequest = protobuf.Root.fromJSON(OTLP_TRACE_PROTO).lookupType(
  'ExportTraceServiceRequest',
);

/** A request body in OTLP/JSON's shape (the protobuf one converted to it). */
interface OtlpRequest {
  resourceSpans?: {
    resource?: { attributes?: OtlpKeyValue[] };
    scopeSpans?: {
      spans?: {
        traceId?: string;
        spanId?: string;
        parentSpanId?: string;
        name?: string;
        kind?: number;
        attributes?: OtlpKeyValue[];
        status?: { code?: number };
      }[];
    }[];
  }[];
}

interface OtlpKeyValue {
  key: string;
  value?: {
    stringValue?: string;
    boolValue?: boolean;
    intValue?: number | string;
    doubleValue?: number;
  };
}

/** Starts a receiver on a free loopback port. */
export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const received: ReceivedSpan[] = [];
  const waiters = new Set<() => void>();
  const server = createServer((request, response) => {
    readBody(request)
      .then((body) => {
        if (request.method !== 'POST' || request.url !== '/v1/traces') {
          response.writeHead(404).end();
          return;
        }
        const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '';
        const raw = request.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body;
        const decoded = decode(type, raw);
        if (decoded === undefined) {
          response.writeHead(415).end();
          return;
        }
        received.push(...spansOf(decoded, type));
        // An empty ExportTraceServiceResponse: `{}` in JSON, no bytes in protobuf.
        if (type === 'application/json') {
          response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
        } else {
          response.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
        }
        for (const wake of waiters) {
          wake();
        }
      })
      .catch(() => response.writeHead(400).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    spans: () => [...received],
    waitFor(done, limitMs = 60_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (done(received)) {
            clearTimeout(timer);
            waiters.delete(check);
            resolve([...received]);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `the receiver did not get the spans expected; it got: ${JSON.stringify(received, null, 1)}`,
            ),
          );
        }, limitMs);
        waiters.add(check);
        check();
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function decode(type: string, body: Buffer): OtlpRequest | undefined {
  if (type === 'application/json') {
    return JSON.parse(body.toString('utf8')) as OtlpRequest;
  }
  if (type === 'application/x-protobuf') {
    // bytes as hex below, int64 as numbers: the shape of OTLP/JSON.
    const message = ExportTraceServiceRequest.decode(body);
    return ExportTraceServiceRequest.toObject(message, {
      bytes: Array,
      longs: Number,
      defaults: false,
    }) as OtlpRequest;
  }
  return undefined;
}

function spansOf(request: OtlpRequest, encoding: string): ReceivedSpan[] {
  const hex = (id: unknown): string =>
    Array.isArray(id) ? Buffer.from(id as number[]).toString('hex') : String(id ?? '');
  return (request.resourceSpans ?? []).flatMap((resourceSpans) => {
    const resource = attributesOf(resourceSpans.resource?.attributes);
    return (resourceSpans.scopeSpans ?? []).flatMap((scope) =>
      (scope.spans ?? []).map((span) => ({
        traceId: hex(span.traceId).toLowerCase(),
        spanId: hex(span.spanId).toLowerCase(),
        parentSpanId: hex(span.parentSpanId).toLowerCase(),
        name: span.name ?? '',
        kind: span.kind ?? 0,
        attributes: attributesOf(span.attributes),
        statusCode: span.status?.code ?? 0,
        serviceName: String(resource['service.name'] ?? ''),
        encoding,
      })),
    );
  });
}

function attributesOf(list: readonly OtlpKeyValue[] | undefined): Record<string, AttributeValue> {
  const attributes: Record<string, AttributeValue> = {};
  for (const { key, value } of list ?? []) {
    const found =
      value?.stringValue ??
      value?.boolValue ??
      (value?.intValue === undefined ? undefined : Number(value.intValue)) ??
      value?.doubleValue;
    if (found !== undefined) {
      attributes[key] = found;
    }
  }
  return attributes;
}
