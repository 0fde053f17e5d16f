import type { FastifyBaseLogger } from 'fastify';
import { Deadline } from '../../deadline/deadline.ts';
import { isProblemError, PROBLEM_BASE_URI, type ProblemError } from '../../problems.ts';
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  detachIdempotencyAction,
  type IdempotencyScope,
  releaseIdempotencyKey,
  type StoredResponse,
} from '../../store/idempotency.ts';
import {
  type BatchItemOutcome,
  type BatchItemReason,
  finishBatchItem,
  type ItemResult,
  requeueBatchItem,
} from '../../store/intercept-batches.ts';
import { requestHashOf } from '../../store/request-hash.ts';
import type { AuthenticatedTenant } from '../../store/tenants.ts';
import type { ActionScope } from '../actions/action-kind.ts';
import { type InterceptInput, interceptKind } from '../actions/intercept-kind.ts';
import { runAction } from '../actions/run-action.ts';

/** Tries an item gets when the gateway or the carrier is briefly unable (5xx) before it fails. */
export const MAX_ITEM_TRIES = 5;

/** How soon an item whose key is still held elsewhere is looked at again. */
const IN_PROGRESS_RECHECK_MS = 1_000;

/** What running an item needs: the pipeline's parts and the batch's tenant. */
export interface BatchItemContext {
  readonly app: ActionScope['app'];
  readonly log: FastifyBaseLogger;
  readonly batchId: string;
  readonly tenant: AuthenticatedTenant;
  /** How long a claim on the item holds before it counts as abandoned (ms). */
  readonly leaseMs: number;
}

/** What became of one try of an item. */
export type ItemTry = 'done' | 'requeued';

/**
 * The Idempotency-Key of a batch's item. The spaces make it a key no client can send
 * (a header key is visible ASCII without spaces), so no request can take an item's scope.
 */
export function batchItemKey(batchId: string, index: number): string {
  return `batch ${batchId} ${index}`;
}

/**
 * Runs one item of a batch through the one action pipeline, exactly as `POST
 * /v1/intercepts` with an Idempotency-Key of the item's own would: the key is claimed
 * first, and the intercept is tied to it when stored. A second run of the item (its
 * worker died, or a job ran twice) therefore answers from the stored intercept or the
 * stored answer and never calls the carrier again. A 5xx (the carrier or the database
 * briefly unable, nothing decided) puts the item back in the queue with a backoff, up to
 * {@link MAX_ITEM_TRIES}; any other answer is the item's result.
 */
export async function runBatchItem(
  context: BatchItemContext,
  item: { readonly index: number; readonly request: unknown; readonly tries: number },
): Promise<ItemTry> {
  const { app, batchId, tenant } = context;
  const input = item.request as InterceptInput;
  const scope: IdempotencyScope = { tenantId: tenant.id, key: batchItemKey(batchId, item.index) };
  const path = `/v1/intercepts/batch/${batchId}/items/${item.index}`;
  const decision = await claimIdempotencyKey(app.database, {
    ...scope,
    requestHash: requestHashOf('POST', path, item.request),
    method: 'POST',
    path,
    leaseMs: context.leaseMs,
    ttlHours: app.config.client.idempotencyTtlHours,
  });
  switch (decision.kind) {
    case 'replay':
      await finishBatchItem(app.database, batchId, item.index, resultOfAnswer(decision.response));
      return 'done';
    case 'in-progress':
      // Another holder's claim is still live (it died moments after the item's own lease
      // ran out): look again shortly, without counting a try.
      await requeueBatchItem(app.database, batchId, item.index, IN_PROGRESS_RECHECK_MS, false);
      return 'requeued';
    case 'mismatch':
      // Only this worker writes such keys, always from the stored item: cannot happen.
      await finishBatchItem(app.database, batchId, item.index, {
        interceptId: null,
        outcome: 'failed',
        reasons: [],
        problem: { type: `${PROBLEM_BASE_URI}internal`, status: 500, detail: 'item key reused' },
      });
      return 'done';
    case 'process':
      break;
  }
  const claim: NonNullable<ActionScope['request']['idempotency']> = {
    scope,
    earlierActionId: decision.actionId,
    detachAction: () => detachIdempotencyAction(app.database, scope),
  };
  const log = context.log.child({ batchId, item: item.index });
  const request: ActionScope['request'] = {
    id: `${scope.key.replaceAll(' ', ':')}:${item.tries}`,
    log,
    tenant,
    signal: new AbortController().signal,
    logContext: {},
    method: 'POST',
    // As a request's: the carrier's intercept budget, covering its tracking read.
    deadline: Deadline.in(app.resilience.budgetsMs(input.carrier).intercept),
    idempotency: claim,
  };
  let answer: StoredResponse;
  try {
    const done = await runAction(interceptKind, { app, request }, input);
    answer = { status: done.httpStatus, headers: {}, body: done.action };
  } catch (error) {
    if (isRetryable(error) && item.tries < MAX_ITEM_TRIES) {
      // Nothing decided, or what was is tied to the key: the next try answers from it.
      await releaseIdempotencyKey(app.database, scope);
      const delayMs = retryDelayMs(error, item.tries);
      log.warn({ err: error, delayMs }, 'batch item will be tried again');
      await requeueBatchItem(app.database, batchId, item.index, delayMs);
      return 'requeued';
    }
    answer = answerOfError(error);
  }
  await completeIdempotencyKey(app.database, scope, answer);
  await finishBatchItem(app.database, batchId, item.index, resultOfAnswer(answer));
  return 'done';
}

/**
 * Whether another try may do better: the gateway or the carrier was briefly unable (5xx)
 * and either nothing was stored, or what was stored was never sent (the gateway's own
 * queue or circuit refused it: its key was untied, so the next try runs afresh). A 5xx
 * naming a stored intercept is its outcome: another try would only answer with it again.
 */
function isRetryable(error: unknown): boolean {
  if (!isProblemError(error)) {
    return true;
  }
  return (
    error.status >= 500 &&
    (error.extensions.interceptId === undefined || NEVER_SENT.has(error.problemType))
  );
}

/** Problems of a call the gateway itself refused to send. */
const NEVER_SENT = new Set<string>(['carrier-busy', 'circuit-open']);

/** The Retry-After a problem asked for, else a doubling backoff from 1 s (at most 30 s). */
function retryDelayMs(error: unknown, tries: number): number {
  const retryAfter = isProblemError(error) ? Number(error.headers['retry-after']) : Number.NaN;
  const backoff = Math.min(30_000, 1_000 * 2 ** Math.max(0, tries - 1));
  return Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1_000 : backoff;
}

/** The answer a single request would have had: the problem, as its body says it. */
function answerOfError(error: unknown): StoredResponse {
  const problem: Pick<ProblemError, 'problemType' | 'status' | 'detail' | 'extensions'> =
    isProblemError(error)
      ? error
      : {
          problemType: 'internal',
          status: 500,
          detail: 'An unexpected error happened; it has been logged.',
          extensions: {},
        };
  return {
    status: problem.status,
    headers: {},
    body: {
      type: `${PROBLEM_BASE_URI}${problem.problemType}`,
      status: problem.status,
      detail: problem.detail,
      ...(problem.extensions.reasons === undefined ? {} : { reasons: problem.extensions.reasons }),
      ...(problem.extensions.interceptId === undefined
        ? {}
        : { interceptId: problem.extensions.interceptId }),
    },
  };
}

/** An item's result from the answer its intercept request got (first or replayed). */
export function resultOfAnswer(answer: StoredResponse): ItemResult {
  const body = (answer.body ?? {}) as {
    readonly id?: string;
    readonly status?: unknown;
    readonly type?: string;
    readonly detail?: string;
    readonly reasons?: readonly BatchItemReason[];
    readonly interceptId?: string;
  };
  const reasons = (body.reasons ?? []).map(({ code, message }) => ({ code, message }));
  if (answer.status < 300) {
    return {
      interceptId: body.id ?? null,
      outcome: outcomeOfStatus(String(body.status)),
      reasons,
      problem: null,
    };
  }
  const type = body.type ?? `${PROBLEM_BASE_URI}internal`;
  return {
    interceptId: body.interceptId ?? null,
    outcome: type === `${PROBLEM_BASE_URI}not-eligible` ? 'refused' : 'failed',
    reasons,
    problem: { type, status: answer.status, detail: body.detail ?? '' },
  };
}

/** An intercept's status as a batch item's outcome. */
export function outcomeOfStatus(status: string): BatchItemOutcome {
  switch (status) {
    case 'accepted':
    case 'returning':
    case 'returned':
      return 'succeeded';
    case 'pending':
      return 'pending';
    case 'rejected':
      return 'refused';
    case 'cancelled':
      return 'cancelled';
    default:
      return 'failed';
  }
}
