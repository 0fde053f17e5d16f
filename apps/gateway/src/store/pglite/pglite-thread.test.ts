import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUniqueViolation } from '../actions.ts';
import { type Database, openDatabase } from '../database.ts';

let db: Database;

beforeAll(async () => {
  db = await openDatabase({ dataDir: 'memory://' });
  await db.exec(`
    CREATE TABLE things (id text PRIMARY KEY, at timestamptz NOT NULL, doc jsonb);
    CREATE TABLE counters (n integer NOT NULL);
    INSERT INTO counters VALUES (0);
  `);
});
afterAll(() => db.close());

describe('PGlite in a worker thread', () => {
  it('returns rows with their types across the thread: dates, JSON, numbers', async () => {
    const at = new Date('2026-11-26T01:02:03.456Z');
    await db.query('INSERT INTO things (id, at, doc) VALUES ($1, $2, $3::jsonb)', [
      'a',
      at.toISOString(),
      JSON.stringify({ com: 'zhongtong', n: 1 }),
    ]);
    const [row] = await db.query<{ id: string; at: Date; doc: unknown; one: number }>(
      'SELECT id, at, doc, 1 AS one FROM things WHERE id = $1',
      ['a'],
    );
    expect(row?.at).toBeInstanceOf(Date);
    expect(row?.at.toISOString()).toBe(at.toISOString());
    expect(row).toMatchObject({ id: 'a', doc: { com: 'zhongtong', n: 1 }, one: 1 });
  });

  it("keeps PostgreSQL's error code, so a unique violation is still recognised", async () => {
    const error = await db
      .query('INSERT INTO things (id, at) VALUES ($1, now())', ['a'])
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect(isUniqueViolation(error)).toBe(true);
  });

  it('commits a transaction, rolls one back when its work throws, and isolates the two', async () => {
    await db.transaction(async (tx) => {
      await tx.query('UPDATE counters SET n = n + 1');
    });
    await expect(
      db.transaction(async (tx) => {
        await tx.query('UPDATE counters SET n = n + 100');
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    const [row] = await db.query<{ n: number }>('SELECT n FROM counters');
    expect(row?.n).toBe(1);
  });

  it('runs concurrent transactions one after another, never interleaved', async () => {
    const increments = Array.from({ length: 20 }, () =>
      db.transaction(async (tx) => {
        const [row] = await tx.query<{ n: number }>('SELECT n FROM counters');
        await new Promise((resolve) => setImmediate(resolve));
        await tx.query('UPDATE counters SET n = $1', [(row?.n ?? 0) + 1]);
      }),
    );
    const outside = db.query<{ n: number }>('SELECT n FROM counters');
    await Promise.all([...increments, outside]);
    const [row] = await db.query<{ n: number }>('SELECT n FROM counters');
    expect(row?.n).toBe(21);
  });

  it('gives pg-boss exec with one result per statement', async () => {
    const results = await db.embedded?.exec('SELECT 1 AS a; SELECT 2 AS b');
    expect(results?.map((result) => result.rows)).toEqual([[{ a: 1 }], [{ b: 2 }]]);
  });
});
