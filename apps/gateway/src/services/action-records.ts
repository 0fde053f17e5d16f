import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type CarrierAttempt, listAttempts } from '../store/attempts.ts';
import type { Queryable } from '../store/database.ts';
import type { IdempotencyScope } from '../store/idempotency.ts';
import { type FirstTransition, listTransitions, type Transition } from '../store/transitions.ts';

/** What intercept and redirect records share for storing their first state. */
interface NewAction {
  readonly id: string;
  readonly status: string;
  readonly statusDetail: string | null;
}

/**
 * Stores a new intercept or redirect with its first transition, tied to the request's
 * Idempotency-Key claim (one statement), before any carrier is called: a takeover after a
 * crash then answers from it instead of calling the carrier again.
 */
export async function storeNewAction<Record extends NewAction>(
  app: FastifyInstance,
  request: FastifyRequest,
  record: Record,
  insert: (
    db: Queryable,
    record: Record,
    first: FirstTransition,
    claim?: IdempotencyScope,
  ) => Promise<void>,
  cause: 'policy' | 'request',
): Promise<void> {
  await insert(
    app.database,
    record,
    { status: record.status, cause, detail: record.statusDetail },
    request.idempotency?.scope,
  );
}

/** An intercept's or redirect's transitions and carrier attempts, oldest first. */
export async function loadActionHistory(
  app: FastifyInstance,
  id: string,
): Promise<{ transitions: Transition[]; attempts: CarrierAttempt[] }> {
  const [transitions, attempts] = await Promise.all([
    listTransitions(app.database, id),
    listAttempts(app.database, id),
  ]);
  return { transitions, attempts };
}
