import type { FastifyInstance } from 'fastify';
import { presentEvent } from '../lifecycle/present-event.ts';
import { ProblemError } from '../problems.ts';
import { findEvent, listEvents } from '../store/events.ts';
import { readSequenceCursor, sequencePage } from './list-page.ts';

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
  const rows = await listEvents(app.database, tenantId, {
    types: query.type,
    objectId: query.objectId,
    beforeSeq: readSequenceCursor(query.cursor),
    limit: query.limit,
  });
  return sequencePage(rows, query.limit, presentEvent);
}
