import type { FastifyReply, FastifyRequest } from 'fastify';
import { AnsweredByDeadlineError, type AnswerGuard, guardAnswer } from '../../http/answer-guard.ts';
import { ProblemError } from '../../problems.ts';
import { type Budget, sinceArrival } from '../../resilience/budgets.ts';

/**
 * Kept between the guard's answer and the budget's end, for writing the answer while other
 * requests hold the event loop: the budget promise is "within the budget plus 50 ms".
 */
const ANSWER_MARGIN_MS = 40;

/** What a route's work answers: a status and a body, with its headers. */
export interface RouteAnswer {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body: unknown;
}

/**
 * Runs a route's work under an {@link AnswerGuard} set to the request's budget, counted
 * from its arrival: the client is answered by then whatever the work still waits for.
 * The work gets what is left of the budget and the guard (to declare its point of no
 * return). Once the guard has answered, the work's own answer or error is only logged.
 */
export async function answerWithinBudget(
  request: FastifyRequest,
  reply: FastifyReply,
  budget: Budget,
  carrierId: string,
  work: (remaining: Budget, guard: AnswerGuard) => Promise<RouteAnswer>,
): Promise<FastifyReply> {
  if (budget.preferWaitSeconds !== undefined) {
    reply.header('preference-applied', `wait=${budget.preferWaitSeconds}`);
  }
  const remaining = sinceArrival(budget, reply.elapsedTime, request.unseenWaitMs);
  const guard = guardAnswer(
    reply,
    remaining.totalMs - ANSWER_MARGIN_MS,
    () =>
      new ProblemError(
        'carrier-timeout',
        `${carrierId} did not answer within the latency budget; nothing was placed with it.`,
        { carrier: carrierId },
      ),
  );
  try {
    const answer = await work(remaining, guard);
    // Not `reply.sent`: that stays false while the guard's answer passes the onSend hooks.
    if (guard.answered) {
      return reply;
    }
    return reply
      .code(answer.status)
      .headers(answer.headers ?? {})
      .send(answer.body);
  } catch (error) {
    if (!guard.answered) {
      throw error;
    }
    if (!(error instanceof AnsweredByDeadlineError)) {
      request.log.error({ err: error }, 'the work failed after its deadline answer');
    }
    return reply;
  } finally {
    guard.dispose();
  }
}
