import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { AttemptTracer } from '../resilience/call-carrier.ts';
import type { GatewayTracing } from './tracing.ts';

/** The attributes of a carrier attempt's span. */
export const CARRIER_SPAN_ATTRIBUTES = {
  carrier: 'parcelgate.carrier.id',
  operation: 'parcelgate.carrier.operation',
  /** `ok`, a carrier error kind, `timeout`, or `error` (as the attempts table says). */
  outcome: 'parcelgate.carrier.outcome',
  /** 0 for a call's first attempt, 1 for its first retry, ... */
  retry: 'parcelgate.carrier.retry',
  /** The tenant's carrier connection; absent for the deployment's shared account. */
  connection: 'parcelgate.carrier.connection',
  httpStatus: 'http.response.status_code',
} as const;

/**
 * One client span per carrier attempt, named `carrier <operation>`, child of the active
 * span (the request's, or none for a background job, which then starts a trace of its
 * own). Its `traceparent` goes to the carrier on each of the attempt's HTTP calls, so a
 * carrier that traces sees the gateway's attempt as the parent of its work.
 */
export function carrierAttemptTracer(tracing: GatewayTracing): AttemptTracer {
  return {
    start(attempt) {
      const parent = context.active();
      const span = tracing.tracer.startSpan(
        `carrier ${attempt.operation}`,
        {
          kind: SpanKind.CLIENT,
          attributes: {
            [CARRIER_SPAN_ATTRIBUTES.carrier]: attempt.carrier,
            [CARRIER_SPAN_ATTRIBUTES.operation]: attempt.operation,
            [CARRIER_SPAN_ATTRIBUTES.retry]: attempt.retry,
            ...(attempt.connectionId === null
              ? {}
              : { [CARRIER_SPAN_ATTRIBUTES.connection]: attempt.connectionId }),
          },
        },
        parent,
      );
      const active = trace.setSpan(parent, span);
      return {
        headers: tracing.headersFor(span),
        run: (work) => context.with(active, work),
        end({ outcome, httpStatus }) {
          span.setAttribute(CARRIER_SPAN_ATTRIBUTES.outcome, outcome);
          if (httpStatus !== null) {
            span.setAttribute(CARRIER_SPAN_ATTRIBUTES.httpStatus, httpStatus);
          }
          if (outcome !== 'ok') {
            span.setStatus({ code: SpanStatusCode.ERROR, message: outcome });
          }
          span.end();
        },
      };
    },
  };
}
