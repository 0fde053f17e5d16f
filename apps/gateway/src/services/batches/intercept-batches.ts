import type { FastifyInstance, FastifyRequest } from 'fastify';
import { newId } from '../../ids.ts';
import { ProblemError } from '../../problems.ts';
import { tieIdempotencyKey } from '../../store/idempotency.ts';
import {
  type BatchItemRecord,
  countBatchItems,
  findInterceptBatch,
  insertInterceptBatch,
  listBatchItems,
} from '../../store/intercept-batches.ts';
import type { InterceptInput } from '../actions/intercept-kind.ts';
import { readSequenceCursor, sequencePage } from '../list-page.ts';
import { checkBatchItems } from './check-batch-items.ts';

/** A batch as answered: its progress and one page of items. */
export type PresentedBatch = Awaited<ReturnType<typeof readInterceptBatch>>;

/**
 * Takes a batch in: checks every item as a single intercept's request is checked (400
 * naming `/items/<index>/<field>`), stores the batch and its items with the request's
 * Idempotency-Key tied to it (one transaction), queues its first turn and answers with its
 * counts, all queued. A repeat of the key replays that answer (the idempotency hook); a
 * takeover after a crash answers with the batch the earlier holder stored.
 */
export async function createInterceptBatch(
  app: FastifyInstance,
  request: Pick<FastifyRequest, 'tenant' | 'idempotency'>,
  items: readonly InterceptInput[],
): Promise<PresentedBatch> {
  const { tenant } = request;
  const claim = request.idempotency;
  if (claim?.earlierActionId !== undefined) {
    return readInterceptBatch(app, tenant.id, claim.earlierActionId, { limit: 0 });
  }
  checkBatchItems(app.carriers, items);
  const id = newId('icb');
  await app.database.transaction(async (tx) => {
    await insertInterceptBatch(tx, {
      id,
      tenantId: tenant.id,
      keyId: tenant.keyId,
      items: items.map((item) => ({
        carrier: item.carrier,
        trackingNumber: item.trackingNumber,
        request: item,
      })),
    });
    if (claim !== undefined) {
      await tieIdempotencyKey(tx, claim.scope, id);
    }
  });
  await app.interceptBatches.start(id);
  return readInterceptBatch(app, tenant.id, id, { limit: 0 });
}

/** A batch of the tenant with its counts and a page of its items; 404 for another's. */
export async function readInterceptBatch(
  app: Pick<FastifyInstance, 'database'>,
  tenantId: string,
  id: string,
  page: { readonly limit: number; readonly cursor?: string | undefined },
) {
  const batch = await findInterceptBatch(app.database, tenantId, id);
  if (batch === undefined) {
    throw new ProblemError('not-found', `No intercept batch ${id}.`);
  }
  // Items are numbered from 1 in their cursors (index + 1): the next page starts after it.
  const from = Number(readSequenceCursor(page.cursor) ?? '0');
  const [counts, rows] = await Promise.all([
    countBatchItems(app.database, id),
    page.limit === 0 ? [] : listBatchItems(app.database, id, from, page.limit),
  ]);
  const items = sequencePage(
    rows.map((row) => ({ ...row, seq: String(row.index + 1) })),
    page.limit,
    presentItem,
  );
  return {
    id: batch.id,
    status: batch.status,
    counts,
    createdAt: batch.createdAt.toISOString(),
    completedAt: batch.completedAt?.toISOString() ?? null,
    items: items.data,
    nextCursor: page.limit === 0 ? null : items.nextCursor,
  };
}

function presentItem(row: BatchItemRecord) {
  return {
    index: row.index,
    carrier: row.carrier,
    trackingNumber: row.trackingNumber,
    status: row.status,
    outcome: row.status === 'done' ? row.outcome : null,
    interceptId: row.interceptId,
    interceptStatus: row.interceptStatus,
    reasons: [...row.reasons],
    problem: row.problem,
  };
}
