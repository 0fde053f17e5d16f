import type { FastifyInstance } from 'fastify';
import { type CarrierAttempt, listAttempts } from '../store/attempts.ts';
import { listTransitions, type Transition } from '../store/transitions.ts';

/** An intercept's or redirect's transitions and carrier attempts, oldest first. */
export async function loadActionHistory(
  app: Pick<FastifyInstance, 'database'>,
  id: string,
): Promise<{ transitions: Transition[]; attempts: CarrierAttempt[] }> {
  const [transitions, attempts] = await Promise.all([
    listTransitions(app.database, id),
    listAttempts(app.database, id),
  ]);
  return { transitions, attempts };
}
