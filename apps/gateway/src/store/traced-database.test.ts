import { describe, expect, it } from 'vitest';
import type { Database } from './database.ts';
import { type StatementTracer, statementKind, traceStatements } from './traced-database.ts';

describe('statementKind', () => {
  it('is the first keyword, after blanks and comments, upper-cased', () => {
    expect(statementKind('select 1')).toBe('SELECT');
    expect(statementKind('\n  -- why\n /* a\n b */ INSERT INTO t VALUES ($1)')).toBe('INSERT');
    expect(statementKind('WITH x AS (SELECT 1) UPDATE t SET a = 1')).toBe('WITH');
    expect(statementKind('  ')).toBe('OTHER');
  });
});

describe('traceStatements', () => {
  it('runs each query and each transaction, and its statements, in a span of its kind', async () => {
    const spans: string[] = [];
    const tracer: StatementTracer = {
      async statement(kind, run) {
        spans.push(kind);
        return run();
      },
      async transaction(run) {
        spans.push('transaction');
        return run();
      },
    };
    const seen: string[] = [];
    const database = {
      kind: 'pglite',
      query: async (text: string) => {
        seen.push(text);
        return [{ ok: true }];
      },
      exec: async () => {},
      transaction: async <Result>(work: (tx: Database) => Promise<Result>) => work(database),
      listen: async () => ({ close: async () => {} }),
      close: async () => {},
    } as unknown as Database;
    const traced = traceStatements(database, tracer);
    expect(await traced.query('SELECT $1', ['secret'])).toEqual([{ ok: true }]);
    await traced.transaction(async (tx) => {
      await tx.query('UPDATE t SET a = $1', ['x']);
      await tx.query('DELETE FROM t');
    });
    expect(spans).toEqual(['SELECT', 'transaction', 'UPDATE', 'DELETE']);
    expect(seen).toEqual(['SELECT $1', 'UPDATE t SET a = $1', 'DELETE FROM t']);
  });
});
