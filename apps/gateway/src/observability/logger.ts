import type { FastifyInstance, FastifyServerOptions } from 'fastify';

/**
 * Paths pino blanks out wherever they appear in a log line: API keys, carrier
 * credentials, phone numbers and street addresses never reach the log.
 */
export const REDACTED_LOG_PATHS = [
  'req.headers.authorization',
  'headers.authorization',
  'authorization',
  '*.authorization',
  'apiKey',
  '*.apiKey',
  'key',
  'credentials',
  '*.credentials',
  '*.clientSecret',
  '*.checkword',
  '*.secret',
  'phone',
  '*.phone',
  '*.*.phone',
  'line1',
  '*.line1',
  '*.*.line1',
  'line2',
  '*.line2',
  '*.*.line2',
  'newAddress',
  '*.newAddress',
];

/** Logger settings: JSON lines through pino, secrets and personal data redacted. */
export function loggerOptions(
  level: string,
  options: {
    /**
     * Fields added to every line: the active span's ids when tracing is on. Left out
     * otherwise, so lines pay nothing for tracing that is off.
     */
    readonly mixin?: () => Record<string, unknown>;
  } = {},
): FastifyServerOptions['logger'] {
  return {
    level,
    redact: { paths: REDACTED_LOG_PATHS, censor: '[REDACTED]' },
    base: { service: 'parcelgate-gateway' },
    ...(options.mixin === undefined ? {} : { mixin: options.mixin }),
  };
}

/** What a request's summary line says beyond method, route and status. */
export interface RequestLogContext {
  carrier?: string;
  /** `ok`, an intercept/redirect status, or a problem type. */
  outcome?: string;
  /** Time spent waiting for carriers, in milliseconds. */
  carrierMs?: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Filled in by handlers, written once in the request's summary line. */
    logContext: RequestLogContext;
  }
}

/**
 * One line per request (Fastify's own request/response lines are off): request id, tenant,
 * carrier, outcome and timings. The path is logged without its query string.
 */
export function installRequestLogging(app: FastifyInstance): void {
  // The summary holds only the fields chosen below, none of them secret or personal, so
  // it skips the redaction pass (its wildcard paths cost more than the rest of the line).
  // Everything else logged, by handlers and adapters, is still redacted.
  const summaries = app.log.child({}, { redact: { paths: [] } });
  app.decorateRequest('logContext', null as unknown as RequestLogContext);
  app.addHook('onRequest', async (request) => {
    request.logContext = {};
  });
  app.addHook('onResponse', async (request, reply) => {
    const context = request.logContext;
    // Named from the request's own span: this hook may run outside the request's context.
    const trace = request.traceSpan?.spanContext();
    summaries.info(
      {
        reqId: request.id,
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        path: request.url.split('?')[0],
        statusCode: reply.statusCode,
        tenant: request.tenant?.name,
        carrier: context.carrier,
        outcome: context.outcome ?? (reply.statusCode < 400 ? 'ok' : `http_${reply.statusCode}`),
        durationMs: Math.round(reply.elapsedTime * 10) / 10,
        carrierMs: context.carrierMs,
        trace_id: trace?.traceId,
        span_id: trace?.spanId,
      },
      'request completed',
    );
  });
}
