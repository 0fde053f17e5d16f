import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ProblemError } from '../problems.ts';

/**
 * What to answer if the deadline passes after the point of no return: by then an intercept
 * or redirect is stored, so the honest answer is "pending, follow it here".
 */
export interface LateAnswer {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body: unknown;
}

/**
 * Answers a request by its deadline whatever the handler is still waiting for: a carrier,
 * the database, or the event loop behind a hundred other requests. The handler declares its
 * point of no return with {@link AnswerGuard.commit}; before it, the guard answers a 504 and
 * the handler must stop (commit returns false); after it, the guard answers the committed
 * late answer and the handler finishes its work (storing the outcome, queueing its
 * reconciliation) in the background, its own answer discarded.
 */
export interface AnswerGuard {
  /** Whether the guard has answered: nothing new may start. */
  readonly answered: boolean;
  /**
   * Passes the point of no return with the answer to give if the deadline comes first.
   * False when the guard already answered: the handler must not go on.
   */
  commit(lateAnswer: () => LateAnswer): boolean;
  /** Stops the timer; call when the handler's own answer is sent. */
  dispose(): void;
}

/** Requests a guard answered: what follows their answer must not hold it back. */
const answeredAtDeadline = new WeakSet<FastifyRequest>();

/**
 * Whether the request was answered by its guard. Hooks that run before the answer is
 * written (the Idempotency-Key record) then do their writing after it, not before: at the
 * deadline the answer goes out first.
 */
export function wasAnsweredAtDeadline(request: FastifyRequest): boolean {
  return answeredAtDeadline.has(request);
}

/** Thrown by handlers that stop because the guard answered before their point of no return. */
export class AnsweredByDeadlineError extends Error {
  constructor() {
    super('the request was answered at its deadline before the point of no return');
    this.name = 'AnsweredByDeadlineError';
  }
}

/**
 * Starts a guard that answers `reply` after `inMs`. Before a commit it answers the problem
 * `timeout()` makes (sent through the error handler, so it is a problem+json like any other).
 */
export function guardAnswer(
  reply: FastifyReply,
  inMs: number,
  timeout: () => ProblemError,
): AnswerGuard {
  let lateAnswer: (() => LateAnswer) | undefined;
  let answered = false;
  const timer = setTimeout(
    () => {
      if (reply.sent) {
        return;
      }
      answered = true;
      answeredAtDeadline.add(reply.request);
      reply.request.log.warn({ inMs, committed: lateAnswer !== undefined }, 'answered at deadline');
      if (lateAnswer === undefined) {
        reply.send(timeout());
        return;
      }
      const answer = lateAnswer();
      reply
        .code(answer.status)
        .headers(answer.headers ?? {})
        .send(answer.body);
    },
    Math.max(0, inMs),
  );
  return {
    get answered() {
      return answered;
    },
    commit(next) {
      if (answered) {
        return false;
      }
      lateAnswer = next;
      return true;
    },
    dispose() {
      clearTimeout(timer);
    },
  };
}
