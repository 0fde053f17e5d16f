import { context, type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { GatewayTracing } from './tracing.ts';

/** The attributes of a database span (database semantic conventions). */
export const STATEMENT_SPAN_ATTRIBUTES = {
  system: 'db.system.name',
  /** The statement's kind, `SELECT`, `INSERT`, ...; never its text or parameters. */
  operation: 'db.operation.name',
} as const;

/** What {@link statementTracer} implements: store/traced-database.ts's `StatementTracer`. */
export interface StatementSpans {
  statement<Result>(kind: string, run: () => Promise<Result>): Promise<Result>;
  transaction<Result>(run: () => Promise<Result>): Promise<Result>;
}

/**
 * Spans of database work, made only under a span that is still recording (a request's, a
 * carrier attempt's): the jobs' polling, the purges and the attempts log's batches, which
 * run outside requests, would otherwise each start a trace of one span.
 */
export function statementTracer(tracing: GatewayTracing): StatementSpans {
  const inSpan = async <Result>(
    name: string,
    operation: string | undefined,
    run: () => Promise<Result>,
  ): Promise<Result> => {
    const parent = context.active();
    if (trace.getSpan(parent)?.isRecording() !== true) {
      return run();
    }
    const span = tracing.tracer.startSpan(
      name,
      {
        kind: SpanKind.CLIENT,
        attributes: {
          // The embedded PGlite is PostgreSQL too.
          [STATEMENT_SPAN_ATTRIBUTES.system]: 'postgresql',
          ...(operation === undefined ? {} : { [STATEMENT_SPAN_ATTRIBUTES.operation]: operation }),
        },
      },
      parent,
    );
    try {
      return await context.with(trace.setSpan(parent, span), run);
    } catch (error) {
      fail(span, error);
      throw error;
    } finally {
      span.end();
    }
  };
  return {
    statement: (kind, run) => inSpan(kind, kind, run),
    transaction: (run) => inSpan('transaction', undefined, run),
  };
}

function fail(span: Span, error: unknown): void {
  // The error's class and SQLSTATE only: a driver's message may quote a row's values.
  const code =
    typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
  span.setStatus({ code: SpanStatusCode.ERROR });
  span.setAttribute('error.type', code ?? (error instanceof Error ? error.name : 'Error'));
}
