import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type CarrierAttempt, listAttempts } from '../store/attempts.ts';
import type { Queryable } from '../store/database.ts';
import { addTransition, listTransitions, type Transition } from '../store/transitions.ts';

/** What intercept and redirect records share for storing their first state. */
interface NewSubject {
  readonly id: string;
  readonly status: string;
  readonly statusDetail: string | null;
}

/**
 * Stores a new intercept or redirect with its first transition in one transaction, then
 * ties it to the request's Idempotency-Key claim, before any carrier is called: a
 * takeover after a crash then answers from it instead of calling the carrier again.
 */
export async function storeNewSubject<Record extends NewSubject>(
  app: FastifyInstance,
  request: FastifyRequest,
  record: Record,
  insert: (tx: Queryable, record: Record) => Promise<void>,
  cause: 'policy' | 'request',
): Promise<void> {
  await app.database.transaction(async (tx) => {
    await insert(tx, record);
    await addTransition(tx, record.id, {
      status: record.status,
      cause,
      ...(record.statusDetail === null ? {} : { detail: record.statusDetail }),
    });
  });
  await request.idempotency?.attachSubject(record.id);
}

/** An intercept's or redirect's transitions and carrier attempts, oldest first. */
export async function loadSubjectHistory(
  app: FastifyInstance,
  id: string,
): Promise<{ transitions: Transition[]; attempts: CarrierAttempt[] }> {
  const [transitions, attempts] = await Promise.all([
    listTransitions(app.database, id),
    listAttempts(app.database, id),
  ]);
  return { transitions, attempts };
}
