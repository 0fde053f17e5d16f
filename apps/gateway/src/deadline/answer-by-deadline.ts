import type { FastifyReply, FastifyRequest } from 'fastify';
import { ProblemError } from '../problems.ts';
import { AnsweredByDeadlineError, type AnswerGuard } from './answer-guard.ts';

/** What a route's work answers: a status and a body, with its headers. */
export interface RouteAnswer {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body: unknown;
}

/**
 * Runs a route's work under an {@link AnswerGuard} set to the request's deadline: the
 * client is answered by then whatever the work still waits for. The work gets the guard
 * (to declare its point of no return). Once the guard has answered, the work's own answer
 * or error is only logged.
 */
export async function answerByDeadline(
  request: FastifyRequest,
  reply: FastifyReply,
  carrierId: string,
  work: (guard: AnswerGuard) => Promise<RouteAnswer>,
): Promise<FastifyReply> {
  const guard = request.server.answerGuards.arm(
    reply,
    request.deadline,
    () =>
      new ProblemError(
        'carrier-timeout',
        `${carrierId} did not answer within the latency budget; nothing was placed with it.`,
        { carrier: carrierId },
      ),
  );
  try {
    const answer = await work(guard);
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
