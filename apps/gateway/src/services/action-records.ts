import type { FastifyInstance } from 'fastify';
import { findActionHistory } from '../store/action-history.ts';
import type { CarrierAttempt } from '../store/attempts.ts';
import type { Transition } from '../store/transitions.ts';

/** An intercept's or redirect's transitions and carrier attempts, oldest first. */
export function loadActionHistory(
  app: Pick<FastifyInstance, 'database'>,
  id: string,
): Promise<{ transitions: Transition[]; attempts: CarrierAttempt[] }> {
  return findActionHistory(app.database, id);
}
