import type { FastifyInstance } from 'fastify';
import { presentEvent } from '../lifecycle/present-event.ts';
import { ProblemError } from '../problems.ts';
import { findEvent, listEvents } from '../store/events.ts';
import { decodeSequenceCursor, encodeSequenceCursor } from '../store/pagination.ts';

/** One event of the tenant; another tenant's is as unknown as a missing one. */
export async function getEvent(
  app: Pick<FastifyInstance, 'database'>,
  tenantId: string,
  id: string,
) {
  const event = await findEvent(app.database, tenantId, id);
  if (event === undefined) {
    throw new ProblemError('not-found', `No event ${id}.`);
  }
  return presentEvent(event);
}

/** A newest-first page of the tenant's events, filtered by type and object. */
export async function listTenantEvents(
  app: Pick<FastifyInstance, 'database'>,
  tenantId: string,
  query: {
    readonly type?: readonly string[] | undefined;
    readonly objectId?: string | undefined;
    readonly cursor?: string | undefined;
    readonly limit: number;
  },
) {
  const beforeSeq = query.cursor === undefined ? undefined : decodeSequenceCursor(query.cursor);
  if (query.cursor !== undefined && beforeSeq === undefined) {
    throw new ProblemError('validation-failed', 'The cursor is not one this API returned.', {
      errors: [{ pointer: '/query/cursor', detail: 'is not a cursor this API returned' }],
    });
  }
  const rows = await listEvents(app.database, tenantId, {
    types: query.type,
    objectId: query.objectId,
    beforeSeq,
    limit: query.limit,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map(presentEvent),
    nextCursor:
      rows.length > query.limit && last !== undefined ? encodeSequenceCursor(last.seq) : null,
  };
}
