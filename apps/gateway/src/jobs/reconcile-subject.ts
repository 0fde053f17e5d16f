import type { FastifyInstance } from 'fastify';
import type { JobCaller } from '../resilience/call-carrier.ts';
import type { SubjectTable } from '../store/subjects.ts';
import { askCarrier } from './ask-carrier.ts';
import { decideReconciliation } from './decide-reconciliation.ts';
import { applySteps, isSettled, loadSubject, markNeedsAttention } from './subject-store.ts';

/** What a reconcile job carries: the subject, and how many checks found no change. */
export interface ReconcileJob {
  readonly table: SubjectTable;
  readonly id: string;
  /** Checks since the subject last changed; drives the backoff. */
  readonly run: number;
}

/** What the job does after one check. */
export type ReconcileNext =
  | { readonly kind: 'done'; readonly why: 'gone' | 'final' | 'needs_attention' }
  /** Check again with this run number (0 after a change). */
  | { readonly kind: 'again'; readonly run: number };

/**
 * One check of one subject: load it, stop if it is settled, ask the carrier, store what
 * the answer decides (one transition per status, never backwards, only if nobody moved it
 * meanwhile), then either stop (final), flag it for a person (the deadline passed without a
 * final status) or ask to be checked again.
 */
export async function reconcileSubject(
  app: FastifyInstance,
  job: ReconcileJob,
  now: () => number = Date.now,
): Promise<ReconcileNext> {
  const subject = await loadSubject(app.database, job.table, job.id);
  if (subject === undefined) {
    return { kind: 'done', why: 'gone' };
  }
  if (isSettled(subject)) {
    return { kind: 'done', why: subject.needsAttention ? 'needs_attention' : 'final' };
  }
  const log = app.log.child({ job: 'reconcile', subjectId: subject.id, carrier: subject.carrier });
  const caller: JobCaller = {
    id: `reconcile:${subject.id}:${job.run}`,
    log,
    tenant: { id: subject.tenantId },
  };
  const view = await askCarrier(app, caller, subject);
  const decision = decideReconciliation(
    {
      table: subject.table,
      status: subject.status,
      newAddress: subject.newAddress ?? undefined,
      sinceChangeMs: now() - subject.updatedAt.getTime(),
    },
    view,
    // Twice the mutation budget: by then a request we gave up on has reached the carrier
    // or never will.
    {
      notFoundGraceMs:
        2 * app.config.budgetsMs[subject.table === 'intercepts' ? 'intercept' : 'redirect'],
    },
  );
  if (decision.steps.length > 0) {
    if (!(await applySteps(app.database, subject, decision.steps))) {
      // Someone else moved it (a callback, another check): look again at the new state.
      return { kind: 'again', run: 0 };
    }
    log.info({ from: subject.status, to: decision.steps.map((step) => step.status) }, 'reconciled');
    return decision.final ? { kind: 'done', why: 'final' } : { kind: 'again', run: 0 };
  }
  const { deadlineMs } = app.config.reconcile;
  if (now() - subject.updatedAt.getTime() >= deadlineMs) {
    const reason =
      view.kind === 'no-answer'
        ? `no final outcome after ${formatHours(deadlineMs)}; last check: ${view.detail}`
        : `no final outcome after ${formatHours(deadlineMs)}`;
    await markNeedsAttention(app.database, subject, reason);
    log.warn({ status: subject.status, reason }, 'needs attention');
    return { kind: 'done', why: 'needs_attention' };
  }
  return { kind: 'again', run: job.run + 1 };
}

function formatHours(ms: number): string {
  const hours = ms / 3_600_000;
  return hours >= 1 ? `${Math.round(hours * 10) / 10} h` : `${Math.round(ms / 1000)} s`;
}
