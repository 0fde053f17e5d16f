import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AnswerGuards } from './answer-guard.ts';
import { AnswerReserve } from './answer-reserve.ts';
import { type Operation, resolveBudget } from './budgets.ts';
import { Deadline, type DeadlineTrace } from './deadline.ts';
import { UnseenWait } from './unseen-wait.ts';

/** A route's latency budget, declared in its `config.budget`. */
export interface RouteBudget {
  /** Whose default applies: the operation the route performs or its first step reads. */
  readonly operation: Operation;
  /**
   * The carrier whose budgets apply; by default the body's, else the path's `carrier`.
   * Undefined (`auto`, several candidates, none found) means the gateway's defaults.
   */
  readonly carrierOf?: (
    request: FastifyRequest,
  ) => Promise<string | undefined> | string | undefined;
}

const DEADLINE: unique symbol = Symbol('parcelgate.deadline');
const ARRIVED_AT: unique symbol = Symbol('parcelgate.arrivedAt');

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route's latency budget: its requests get a `request.deadline`. */
    budget?: RouteBudget;
  }
  interface FastifyRequest {
    /**
     * The request's deadline: its route's budget for the carrier, tightened by `Prefer:
     * wait=N`, counted from the request's arrival. Only routes that declare a budget have
     * one; reading it elsewhere is a defect and throws.
     */
    readonly deadline: Deadline;
    /** The estimated time (ms) this request waited in its socket before it was read. */
    unseenWaitMs: number;
    [DEADLINE]: Deadline | undefined;
    [ARRIVED_AT]: number;
  }
  interface FastifyInstance {
    /** The answer guards of budgeted routes (see answer-guard.ts). */
    readonly answerGuards: AnswerGuards;
  }
}

/** What the deadlines need from the gateway. */
export interface DeadlineSettings {
  /** A carrier's budgets per operation, or the gateway's defaults for `undefined`. */
  budgetsMs(carrierId: string | undefined): Readonly<Record<Operation, number>>;
  /** The answer reserve's floor (PARCELGATE_ANSWER_RESERVE_MS). */
  readonly answerReserveMs: number;
}

/**
 * Gives every request of a budgeted route its one deadline (`request.deadline`), the only
 * owner of its latency budget: the route's declared operation, the carrier's budgets,
 * `Prefer: wait=N` (answered with `Preference-Applied`) and the time since arrival,
 * including the estimated wait in its socket (see unseen-wait.ts). Install it before every
 * other hook: its onRequest hook must see the event loop's turn as the request is read, and
 * its preHandler must run before the Idempotency-Key's, which reads `answerBy`.
 */
export function installDeadlines(app: FastifyInstance, settings: DeadlineSettings): void {
  const unseenWait = new UnseenWait();
  // What follows a carrier call is the gateway's own work, the same for every carrier.
  const reserve = new AnswerReserve({
    floorMs: settings.answerReserveMs,
    ceilingMs: Math.max(settings.answerReserveMs, 1_000),
  });
  app.decorate('answerGuards', new AnswerGuards());
  app.decorateRequest('unseenWaitMs', 0);
  app.decorateRequest(ARRIVED_AT, 0);
  app.decorateRequest(DEADLINE, undefined);
  app.decorateRequest('deadline', {
    getter(this: FastifyRequest): Deadline {
      const deadline = this[DEADLINE];
      if (deadline === undefined) {
        throw new Error(`the route ${this.routeOptions.url ?? '?'} declares no latency budget`);
      }
      return deadline;
    },
  });

  app.addHook('onRequest', (request, _reply, done) => {
    request.unseenWaitMs = unseenWait.requestRead();
    request[ARRIVED_AT] = performance.now() - request.unseenWaitMs;
    done();
  });

  app.addHook('preHandler', async (request, reply) => {
    const budget = request.routeOptions.config.budget;
    if (budget === undefined) {
      return;
    }
    const carrierId = await (budget.carrierOf ?? carrierNamedIn)(request);
    const prefer = request.headers.prefer;
    const { totalMs, preferWaitSeconds } = resolveBudget(
      budget.operation,
      settings.budgetsMs(carrierId),
      // Repeated Prefer headers are one list (RFC 9110 §5.3).
      Array.isArray(prefer) ? prefer.join(', ') : prefer,
    );
    if (preferWaitSeconds !== undefined) {
      reply.header('preference-applied', `wait=${preferWaitSeconds}`);
    }
    const trace: DeadlineTrace = {
      reserveMs: () => reserve.currentMs(),
      carrierCallEndedAt: undefined,
    };
    request[DEADLINE] = new Deadline(request[ARRIVED_AT] + totalMs, trace);
  });

  // Teaches the answer reserve how long storing and answering take after a carrier call.
  app.addHook('onResponse', async (request) => {
    const endedAt = request[DEADLINE]?.carrierCallEndedAt;
    if (endedAt !== undefined) {
      reserve.observe(performance.now() - endedAt);
    }
  });
  app.addHook('onClose', async () => unseenWait.stop());
}

/** The request's deadline when its route declares a budget (for hooks that serve all routes). */
export function deadlineOf(request: FastifyRequest): Deadline | undefined {
  return request[DEADLINE];
}

/** The carrier a request names: in its body (actions), else in its path (reads). */
function carrierNamedIn(request: FastifyRequest): string | undefined {
  for (const source of [request.body, request.params]) {
    if (typeof source === 'object' && source !== null && 'carrier' in source) {
      const { carrier } = source;
      if (typeof carrier === 'string' && carrier !== 'auto') {
        return carrier;
      }
    }
  }
  return undefined;
}
