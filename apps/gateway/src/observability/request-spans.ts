import {
  type Context,
  context,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { GatewayTracing } from './tracing.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The request's span; set only when tracing is on. */
    traceSpan: Span | undefined;
    /** The context holding {@link FastifyRequest.traceSpan}, restored after the body is read. */
    traceContext: Context | undefined;
  }
}

/** The attributes of a request's span (HTTP semantic conventions, and the gateway's). */
export const REQUEST_SPAN_ATTRIBUTES = {
  method: 'http.request.method',
  route: 'http.route',
  status: 'http.response.status_code',
  requestId: 'parcelgate.request.id',
  tenantId: 'parcelgate.tenant.id',
} as const;

/**
 * One span per request, continuing the caller's trace when it sent `traceparent`. Its name
 * and `http.route` are the route's template (`/v1/tracking/:carrier/:trackingNumber`),
 * never the path, which holds tracking numbers; no header is recorded, so neither is the
 * API key. The tenant's id is added once authentication has found it.
 *
 * A small pair of hooks rather than @fastify/otel: that instrumentation makes a span per
 * hook and handler (a dozen per request here) and expects the HTTP server
 * instrumentation's span as its parent, while the gateway wants one span per request with
 * its own attributes, and nothing installed at all when tracing is off.
 *
 * The span's context is made active for the rest of the request (AsyncLocalStorage), so
 * the database and carrier spans below it, and every log line, find it: `onRequest` runs the
 * following hooks inside it, and `preValidation` enters it again because Fastify resumes
 * after reading a body from the socket's events, outside the context (as
 * @fastify/request-context does).
 */
export function installRequestSpans(app: FastifyInstance, tracing: GatewayTracing): void {
  app.decorateRequest('traceSpan', undefined);
  app.decorateRequest('traceContext', undefined);
  app.addHook('onRequest', (request, _reply, done) => {
    const parent = tracing.extract(request.headers);
    const route = request.routeOptions.url;
    const span = tracing.tracer.startSpan(
      route === undefined ? request.method : `${request.method} ${route}`,
      {
        kind: SpanKind.SERVER,
        attributes: {
          [REQUEST_SPAN_ATTRIBUTES.method]: request.method,
          [REQUEST_SPAN_ATTRIBUTES.requestId]: request.id,
          ...(route === undefined ? {} : { [REQUEST_SPAN_ATTRIBUTES.route]: route }),
        },
      },
      parent,
    );
    const active = trace.setSpan(parent, span);
    request.traceSpan = span;
    request.traceContext = active;
    context.with(active, done);
  });
  app.addHook('preValidation', (request, _reply, done) => {
    if (request.traceContext === undefined) {
      done();
      return;
    }
    context.with(request.traceContext, done);
  });
  app.addHook('onResponse', async (request, reply) => {
    endRequestSpan(request, reply.statusCode);
  });
  app.addHook('onRequestAbort', async (request) => {
    endRequestSpan(request, undefined);
  });
}

function endRequestSpan(request: FastifyRequest, statusCode: number | undefined): void {
  const span = request.traceSpan;
  // A span already ended (an abort, then the response) is not recording any more; a
  // span the sampler dropped never was, and ending it costs nothing.
  if (span === undefined || !span.isRecording()) {
    return;
  }
  const tenantId = request.tenant?.id;
  if (tenantId !== undefined) {
    span.setAttribute(REQUEST_SPAN_ATTRIBUTES.tenantId, tenantId);
  }
  if (statusCode === undefined) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: 'the client aborted the request' });
  } else {
    span.setAttribute(REQUEST_SPAN_ATTRIBUTES.status, statusCode);
    // Server spans are errors on 5xx only: a 4xx is the client's mistake, answered well.
    if (statusCode >= 500) {
      span.setStatus({ code: SpanStatusCode.ERROR });
      span.setAttribute('error.type', String(statusCode));
    }
  }
  span.end();
}
