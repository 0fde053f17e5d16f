import type { FastifyInstance } from 'fastify';
import type { ActionTable } from '../store/actions.ts';
import { isFinalStatus } from './lifecycle.ts';

/**
 * Hands an intercept or redirect whose outcome is not final yet (pending: the answer was
 * lost or the carrier decides later; accepted or returning: the parcel has still to come
 * back or reach its new address) to the background reconciliation, which follows it until
 * it is final or a person must look.
 */
export async function followIfOpen(
  app: Pick<FastifyInstance, 'reconciler'>,
  table: ActionTable,
  id: string,
  status: string,
): Promise<void> {
  if (!isFinalStatus(table, status)) {
    await app.reconciler.follow(table, id);
  }
}
