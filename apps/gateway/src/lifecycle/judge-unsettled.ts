import type { ActionTable } from '../store/actions.ts';
import type { TransitionCause } from '../store/transitions.ts';

/** An action the carrier's latest answer did not move, as the judgement needs it. */
export interface UnsettledAction {
  readonly table: ActionTable;
  readonly status: string;
  /** Why it is in its status: the cause of its latest transition. */
  readonly lastCause: TransitionCause | null;
  /** How many times the gateway sent it to the carrier. */
  readonly sentAttempts: number;
  /** Whether the carrier's latest answer shows it has the action (its status query found it). */
  readonly carrierHasIt: boolean;
  readonly sinceRequestMs: number;
  readonly sinceChangeMs: number;
}

/** The windows of the judgement (see `ReconcileConfig`). */
export interface UnsettledWindows {
  /** How long a pending action whose outcome is unknown may stay so, from its request. */
  readonly unknownOutcomeMs: number;
  /** How long any open action may go without a change before a person looks. */
  readonly deadlineMs: number;
}

/** What to do with an action nothing has moved. */
export type UnsettledVerdict =
  /** Ask the carrier again, within this many milliseconds at the latest. */
  | { readonly kind: 'wait'; readonly withinMs: number }
  /** It never left the gateway: it failed, and a new attempt may be made. */
  | { readonly kind: 'not-sent'; readonly detail: string }
  /** Only a person can tell now: flag it, leaving its status. */
  | { readonly kind: 'flag'; readonly reason: string };

/** The detail of an action failed because it was never sent. */
export const NOT_SENT_DETAIL =
  'not_sent: the request never reached the carrier (no attempt was made); a new attempt may be made';

/**
 * Decides what becomes of an open action that the carrier's latest answer did not move.
 * Pure: the job asks the carrier and applies the verdict.
 *
 * A pending action the carrier never acknowledged (stored, then sent with no answer, or
 * never sent) is not left pending for days: once `unknownOutcomeMs` has passed since its
 * request, one that was never sent fails (`not_sent`), and one that was sent is flagged,
 * since only the carrier's people know whether it arrived. Every other open action (the
 * carrier said it decides later, accepted, returning) is flagged once `deadlineMs` passes
 * without a change.
 */
export function judgeUnsettled(
  action: UnsettledAction,
  windows: UnsettledWindows,
): UnsettledVerdict {
  const acknowledged =
    action.carrierHasIt ||
    (action.lastCause !== 'request' && action.lastCause !== 'outcome_unknown');
  if (action.status === 'pending' && !acknowledged) {
    const leftMs = windows.unknownOutcomeMs - action.sinceRequestMs;
    if (leftMs > 0) {
      return { kind: 'wait', withinMs: leftMs };
    }
    if (action.sentAttempts === 0) {
      return { kind: 'not-sent', detail: NOT_SENT_DETAIL };
    }
    return {
      kind: 'flag',
      reason: `outcome unknown ${formatDuration(windows.unknownOutcomeMs)} after the request: the carrier may or may not have received it (it never answered, and nothing it reports says); check with the carrier. A new attempt on this parcel is allowed.`,
    };
  }
  const leftMs = windows.deadlineMs - action.sinceChangeMs;
  if (leftMs > 0) {
    return { kind: 'wait', withinMs: leftMs };
  }
  return {
    kind: 'flag',
    reason: `no final outcome after ${formatDuration(windows.deadlineMs)}`,
  };
}

/** A duration in the largest unit that reads well: "48 h", "2 min", "30 s". */
export function formatDuration(ms: number): string {
  if (ms >= 3_600_000) {
    return `${Math.round((ms / 3_600_000) * 10) / 10} h`;
  }
  if (ms >= 60_000) {
    return `${Math.round((ms / 60_000) * 10) / 10} min`;
  }
  return `${Math.round(ms / 1000)} s`;
}
