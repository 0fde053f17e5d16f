import type { FastifyInstance } from 'fastify';
import { ProblemError } from '../problems.ts';
import { type CarrierAttempt, listAttemptsOf } from '../store/attempts.ts';
import type { Queryable } from '../store/database.ts';
import { decodeCursor, encodeCursor, type ListFilters } from '../store/pagination.ts';
import { listTransitionsOf, type Transition } from '../store/transitions.ts';

/** The query of a list route, as validated by its schema. */
export interface ListQueryInput extends Omit<ListFilters, 'cursor'> {
  readonly cursor?: string | undefined;
}

/**
 * One page of intercepts or redirects with their histories (loaded in two queries for the
 * whole page, not two per item) and the cursor of the next page.
 */
export async function listPage<Row extends { readonly id: string; readonly createdAt: Date }, Item>(
  app: FastifyInstance,
  tenantId: string,
  query: ListQueryInput,
  list: (db: Queryable, tenantId: string, filters: ListFilters) => Promise<Row[]>,
  present: (row: Row, history: { transitions: Transition[]; attempts: CarrierAttempt[] }) => Item,
): Promise<{ data: Item[]; nextCursor: string | null }> {
  const cursor = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  if (query.cursor !== undefined && cursor === undefined) {
    throw new ProblemError('validation-failed', 'The cursor is not one this API returned.', {
      errors: [{ pointer: '/query/cursor', detail: 'is not a cursor this API returned' }],
    });
  }
  const rows = await list(app.database, tenantId, { ...query, cursor });
  const page = rows.slice(0, query.limit);
  const ids = page.map((row) => row.id);
  const [transitions, attempts] = await Promise.all([
    listTransitionsOf(app.database, ids),
    listAttemptsOf(app.database, ids),
  ]);
  const last = page.at(-1);
  return {
    data: page.map((row) =>
      present(row, {
        transitions: transitions.get(row.id) ?? [],
        attempts: attempts.get(row.id) ?? [],
      }),
    ),
    nextCursor:
      rows.length > query.limit && last !== undefined
        ? encodeCursor({ createdAt: last.createdAt.toISOString(), id: last.id })
        : null,
  };
}
