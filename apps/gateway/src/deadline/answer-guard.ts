import type { FastifyReply } from 'fastify';
import type { ProblemError } from '../problems.ts';
import type { Deadline } from './deadline.ts';

/**
 * What to answer if the deadline passes after the point of no return: by then an intercept
 * or redirect is stored, so the honest answer is "pending, follow it here". The body is
 * JSON serialized at commit time, when the request has time to spare, so that at the
 * deadline only bytes are written.
 */
export interface LateAnswer {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** The JSON body, already serialized. */
  readonly json: string;
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
  commit(lateAnswer: LateAnswer): boolean;
  /** Stops the timer; call when the handler's own answer is sent. */
  dispose(): void;
}

/**
 * Whether the request's guard (if it has one) has answered. A function rather than a
 * property test, so that a check after an `await` is not narrowed away by one before it.
 */
export function guardHasAnswered(guard: AnswerGuard | undefined): boolean {
  return guard?.answered === true;
}

/** Thrown by handlers that stop because the guard answered before their point of no return. */
export class AnsweredByDeadlineError extends Error {
  constructor() {
    super('the request was answered at its deadline before the point of no return');
    this.name = 'AnsweredByDeadlineError';
  }
}

/**
 * Event-loop time one deadline answer takes (the reply pipeline, hooks, the write), as an
 * estimate for spacing answers that fall due together. Deliberately on the high side.
 */
const ANSWER_COST_MS = 2;
/** Guards due this close together are answered one after another, so they are counted. */
const CROWD_WINDOW_MS = 400;

/**
 * How much earlier than its deadline a guard fires: requests that arrived in one burst fall
 * due in one burst, and the event loop answers them one at a time, so a guard armed behind
 * n others due at about the same time fires n answers' time earlier. The later in a crowd a
 * guard is armed, the earlier it fires, and every answer of the crowd is out by its deadline.
 */
export function crowdLeadMs(
  deadline: number,
  others: Iterable<{ readonly deadline: number }>,
): number {
  let crowd = 0;
  for (const other of others) {
    if (Math.abs(other.deadline - deadline) <= CROWD_WINDOW_MS) {
      crowd++;
    }
  }
  return crowd * ANSWER_COST_MS;
}

/**
 * Kept between a guard's answer and the deadline, for writing the answer while other
 * requests hold the event loop: the budget promise is "within the budget plus 50 ms".
 */
const ANSWER_MARGIN_MS = 40;

/**
 * The answer guards of one gateway: each request's guard, and the crowd of those still
 * armed, so that answers falling due together are spaced out (see {@link crowdLeadMs}).
 */
export class AnswerGuards {
  /** The guards still armed, by deadline (epoch ms), for counting the crowd. */
  readonly #armed = new Set<{ readonly deadline: number }>();

  /**
   * Starts a guard that answers `reply` by `deadline` less a margin, earlier when other
   * guards fall due at about the same time. Before a commit it answers the problem
   * `timeout()` makes (sent through the error handler, so it is a problem+json like any
   * other).
   */
  arm(reply: FastifyReply, deadline: Deadline, timeout: () => ProblemError): AnswerGuard {
    const armed = this.#armed;
    const inMs = Math.max(1, deadline.remainingMs() - ANSWER_MARGIN_MS);
    let lateAnswer: LateAnswer | undefined;
    let answered = false;
    // An object, not the number: guards armed in the same millisecond are each one answer.
    const entry = { deadline: Date.now() + inMs };
    const fireInMs = Math.max(0, inMs - crowdLeadMs(entry.deadline, armed));
    const fireAt = Date.now() + fireInMs;
    // Hooks holding an answer back let it go when the guard would have answered.
    deadline.answerNoLaterThan(fireAt);
    armed.add(entry);
    const timer = setTimeout(() => {
      armed.delete(entry);
      if (reply.sent) {
        return;
      }
      answered = true;
      reply.request.log.warn(
        // How late the timer ran tells an operator how busy the event loop was.
        { inMs, fireInMs, lateByMs: Date.now() - fireAt, committed: lateAnswer !== undefined },
        'answered at deadline',
      );
      if (lateAnswer === undefined) {
        reply.send(timeout());
        return;
      }
      reply
        .code(lateAnswer.status)
        .headers({ ...lateAnswer.headers, 'content-type': 'application/json; charset=utf-8' })
        .send(lateAnswer.json);
    }, fireInMs);
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
        armed.delete(entry);
      },
    };
  }
}
