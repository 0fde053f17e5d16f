import type { FastifyInstance } from 'fastify';
import {
  applySteps,
  isSettled,
  loadAction,
  markNeedsAttention,
  noteParcelStatus,
} from '../lifecycle/action-store.ts';
import { decideReconciliation } from '../lifecycle/decide-reconciliation.ts';
import { judgeUnsettled } from '../lifecycle/judge-unsettled.ts';
import type { JobCaller } from '../resilience/call-carrier.ts';
import type { ActionTable } from '../store/actions.ts';
import { askCarrier } from './ask-carrier.ts';

/** What a reconcile job carries: the action, and how many checks found no change. */
export interface ReconcileJob {
  readonly table: ActionTable;
  readonly id: string;
  /** Checks since the action last changed; drives the backoff. */
  readonly run: number;
}

/** What the job does after one check. */
export type ReconcileNext =
  | { readonly kind: 'done'; readonly why: 'gone' | 'final' | 'needs_attention' }
  /**
   * Check again with this run number (0 after a change), and no later than `withinMs`
   * when a window closes before the backoff's next check would come.
   */
  | { readonly kind: 'again'; readonly run: number; readonly withinMs?: number };

/**
 * One check of one action: load it, stop if it is settled, ask the carrier, store what
 * the answer decides (one transition per status, never backwards, only if nobody moved it
 * meanwhile). When the answer moved nothing, `judgeUnsettled` says whether to fail it (it
 * was never sent), flag it for a person (its window passed without a final status) or
 * check again before its window closes.
 */
export async function reconcileAction(
  app: FastifyInstance,
  job: ReconcileJob,
  now: () => number = Date.now,
): Promise<ReconcileNext> {
  const action = await loadAction(app.database, job.table, job.id);
  if (action === undefined) {
    return { kind: 'done', why: 'gone' };
  }
  if (isSettled(action)) {
    return { kind: 'done', why: action.needsAttention ? 'needs_attention' : 'final' };
  }
  const log = app.log.child({ job: 'reconcile', actionId: action.id, carrier: action.carrier });
  const caller: JobCaller = {
    id: `reconcile:${action.id}:${job.run}`,
    log,
    tenant: { id: action.tenantId },
  };
  const view = await askCarrier(app, caller, action);
  if (view.kind === 'tracking') {
    await noteParcelStatus(app.database, action, view.snapshot.status);
    app.parcelStatuses.seen({
      carrier: action.carrier,
      trackingNumber: action.trackingNumber,
      status: view.snapshot.status,
    });
  }
  const decision = decideReconciliation(
    {
      table: action.table,
      status: action.status,
      newAddress: action.newAddress ?? undefined,
      sinceChangeMs: now() - action.updatedAt.getTime(),
    },
    view,
    // Twice the action budget: by then a request we gave up on has reached the carrier
    // or never will.
    {
      notFoundGraceMs:
        2 * app.config.budgetsMs[action.table === 'intercepts' ? 'intercept' : 'redirect'],
    },
  );
  if (decision.steps.length > 0) {
    if (!(await applySteps(app.database, action, decision.steps))) {
      // Someone else moved it (a callback, another check): look again at the new state.
      return { kind: 'again', run: 0 };
    }
    log.info({ from: action.status, to: decision.steps.map((step) => step.status) }, 'reconciled');
    return decision.final ? { kind: 'done', why: 'final' } : { kind: 'again', run: 0 };
  }
  const verdict = judgeUnsettled(
    {
      table: action.table,
      status: action.status,
      lastCause: action.lastCause,
      sentAttempts: action.sentAttempts,
      carrierHasIt: view.kind === 'status' || view.kind === 'redirect-status',
      sinceRequestMs: now() - action.createdAt.getTime(),
      sinceChangeMs: now() - action.updatedAt.getTime(),
    },
    app.config.reconcile,
  );
  switch (verdict.kind) {
    case 'wait':
      return { kind: 'again', run: job.run + 1, withinMs: verdict.withinMs };
    case 'not-sent': {
      const failed = { status: 'failed', cause: 'reconciliation', detail: verdict.detail } as const;
      if (!(await applySteps(app.database, action, [failed]))) {
        return { kind: 'again', run: 0 };
      }
      log.info({ from: action.status }, 'never sent: failed');
      return { kind: 'done', why: 'final' };
    }
    case 'flag': {
      const reason =
        view.kind === 'no-answer'
          ? `${verdict.reason}; last check: ${view.detail}`
          : verdict.reason;
      await markNeedsAttention(app.database, action, reason);
      log.warn({ status: action.status, reason }, 'needs attention');
      return { kind: 'done', why: 'needs_attention' };
    }
  }
}
