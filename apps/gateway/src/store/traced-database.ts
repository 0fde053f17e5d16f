import type { Database, Queryable } from './database.ts';

/**
 * Makes the spans of database work (observability/statement-spans.ts implements it): the
 * store knows nothing of OpenTelemetry, and is not wrapped at all when tracing is off.
 */
export interface StatementTracer {
  /** Runs one statement in a span named for its kind (`SELECT`, `INSERT`, ...). */
  statement<Result>(kind: string, run: () => Promise<Result>): Promise<Result>;
  /** Runs a transaction in a span, its statements' spans as children. */
  transaction<Result>(run: () => Promise<Result>): Promise<Result>;
}

/**
 * The same database, each query and each transaction (and each statement in it) in a
 * span. A span says the statement's kind only: never its text, never its parameters,
 * which hold tracking numbers, addresses and key hashes.
 */
export function traceStatements(database: Database, tracer: StatementTracer): Database {
  const traced = (queryable: Queryable): Queryable => ({
    query: (text, params) =>
      tracer.statement(statementKind(text), () => queryable.query(text, params)),
  });
  return {
    ...database,
    ...traced(database),
    transaction: (work) => tracer.transaction(() => database.transaction((tx) => work(traced(tx)))),
    // Migrations and notices are not a request's work; they pass through untraced.
    exec: (sql) => database.exec(sql),
    listen: (channel, listener) => database.listen(channel, listener),
    close: () => database.close(),
  };
}

/**
 * The statement's first keyword, upper-cased (`SELECT`, `INSERT`, `WITH`, ...), after
 * leading blanks and SQL comments; `OTHER` when there is none.
 */
export function statementKind(text: string): string {
  const match = /^(?:\s+|--[^\n]*\n?|\/\*[\s\S]*?\*\/)*([A-Za-z]+)/.exec(text);
  return match?.[1]?.toUpperCase() ?? 'OTHER';
}
