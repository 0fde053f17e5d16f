/**
 * How a migration is split into statements, each run through the transaction's `query`:
 * at semicolons, except inside a function's dollar-quoted body.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER, splitStatements } from './migrate.ts';

describe('splitStatements', () => {
  it('splits at each semicolon and drops comment lines and empty statements', () => {
    expect(
      splitStatements(`-- a comment; with a semicolon
CREATE TABLE a (id text);
  -- indented comment
CREATE INDEX a_by_id ON a (id);;
`),
    ).toEqual(['CREATE TABLE a (id text)', 'CREATE INDEX a_by_id ON a (id)']);
  });

  it('keeps a $$ … $$ body with semicolons inside as one statement', () => {
    const fn = `CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  x int := 1;
BEGIN
  PERFORM pg_notify('c', 'p');
  RETURN NULL;
END
$$`;
    expect(
      splitStatements(
        `${fn};\nCREATE TRIGGER t AFTER UPDATE ON a FOR EACH ROW EXECUTE FUNCTION f();`,
      ),
    ).toEqual([fn, 'CREATE TRIGGER t AFTER UPDATE ON a FOR EACH ROW EXECUTE FUNCTION f()']);
  });

  it('splits after a body closes: two functions stay two statements', () => {
    const first = 'CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1; $$';
    const second = 'CREATE FUNCTION g() RETURNS int LANGUAGE sql AS $$ SELECT 2; $$';
    expect(splitStatements(`${first};\n${second};`)).toEqual([first, second]);
  });

  it('splits migration 0009 into its function and its four triggers', async () => {
    const sql = await readFile(new URL('0009_change_notices.sql', MIGRATIONS_FOLDER), 'utf8');
    const statements = splitStatements(sql);
    expect(statements).toHaveLength(5);
    expect(statements[0]).toMatch(
      /^CREATE FUNCTION parcelgate_announce_change\(\)[\s\S]*END\n\$\$$/,
    );
    expect(statements.slice(1).every((statement) => statement.startsWith('CREATE TRIGGER'))).toBe(
      true,
    );
  });
});
