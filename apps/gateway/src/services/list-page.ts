import type { FastifyInstance } from 'fastify';
import { ProblemError } from '../problems.ts';
import { type CarrierAttempt, listAttemptsOf } from '../store/attempts.ts';
import type { Queryable } from '../store/database.ts';
import {
  decodeCursor,
  decodeSequenceCursor,
  encodeCursor,
  encodeSequenceCursor,
  type ListFilters,
  type PageCursor,
} from '../store/pagination.ts';
import { listTransitionsOf, type Transition } from '../store/transitions.ts';

/** The query of a list route, as validated by its schema. */
export interface ListQueryInput extends Omit<ListFilters, 'cursor'> {
  readonly cursor?: string | undefined;
}

/** Reads one page of a tenant's rows (one more than the limit, to know there is a next). */
export type ListLoader<Row> = (
  db: Queryable,
  tenantId: string,
  filters: ListFilters,
) => Promise<Row[]>;

/**
 * One page of intercepts or redirects with their histories (loaded in two queries for the
 * whole page, not two per item) and the cursor of the next page.
 */
export async function listPage<Row extends { readonly id: string; readonly createdAt: Date }, Item>(
  app: FastifyInstance,
  tenantId: string,
  query: ListQueryInput,
  list: ListLoader<Row>,
  present: (row: Row, history: { transitions: Transition[]; attempts: CarrierAttempt[] }) => Item,
): Promise<{ data: Item[]; nextCursor: string | null }> {
  const cursor = readCursor(query.cursor);
  const rows = await list(app.database, tenantId, { ...query, cursor });
  const page = rows.slice(0, query.limit);
  const ids = page.map((row) => row.id);
  const [transitions, attempts] = await Promise.all([
    listTransitionsOf(app.database, ids),
    listAttemptsOf(app.database, ids),
  ]);
  return {
    data: page.map((row) =>
      present(row, {
        transitions: transitions.get(row.id) ?? [],
        attempts: attempts.get(row.id) ?? [],
      }),
    ),
    nextCursor: nextCursorOf(rows, query.limit),
  };
}

/** The `cursor` query parameter decoded, or a 400 naming it when this API did not write it. */
export function readCursor(value: string | undefined): PageCursor | undefined {
  return checkedCursor(value, value === undefined ? undefined : decodeCursor(value));
}

/** The same for lists in write order (events, deliveries): the `seq` to read before. */
export function readSequenceCursor(value: string | undefined): string | undefined {
  return checkedCursor(value, value === undefined ? undefined : decodeSequenceCursor(value));
}

function checkedCursor<Cursor>(value: string | undefined, cursor: Cursor | undefined) {
  if (value !== undefined && cursor === undefined) {
    throw new ProblemError('validation-failed', 'The cursor is not one this API returned.', {
      errors: [{ pointer: '/query/cursor', detail: 'is not a cursor this API returned' }],
    });
  }
  return cursor;
}

/**
 * A page of rows in write order (read one past `limit`), presented, with the cursor of
 * the next page or null when nothing follows.
 */
export function sequencePage<Row extends { readonly seq: string }, Shown>(
  rows: readonly Row[],
  limit: number,
  present: (row: Row) => Shown,
): { readonly data: Shown[]; readonly nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    data: page.map(present),
    nextCursor: rows.length > limit && last !== undefined ? encodeSequenceCursor(last.seq) : null,
  };
}

/**
 * The cursor of the page after `rows` (read one past `limit`): after the last row shown,
 * or null when nothing follows.
 */
export function nextCursorOf(
  rows: readonly { readonly id: string; readonly createdAt: Date }[],
  limit: number,
): string | null {
  const last = rows.slice(0, limit).at(-1);
  return rows.length > limit && last !== undefined
    ? encodeCursor({ createdAt: last.createdAt.toISOString(), id: last.id })
    : null;
}
