/**
 * Whether Parcelgate can act on an order event before its deadline (`respondBy`, the time
 * after which the marketplace refunds the buyer by itself), from what was decided for each
 * of its parcels. Pure: the POST answer, `GET /v1/order-events/{id}` and the deadline
 * watcher all judge with it, so they never disagree.
 */

import type { OrderEventType, StatusWindow } from './order-rules.ts';

/** How an order event stands against its deadline. */
export const DEADLINE_STATUSES = ['none', 'on_track', 'at_risk', 'missed', 'met'] as const;

/** One of {@link DEADLINE_STATUSES}. */
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

/** Why an order event is at risk of missing its deadline, or missed it. */
export const DEADLINE_REASON_CODES = [
  'deadline_passed',
  'carrier_unavailable',
  'out_of_window',
  'not_eligible',
  'free_redirect_used',
  'no_rule',
  'action_pending',
  'action_failed',
] as const;

/** One of {@link DEADLINE_REASON_CODES}. */
export type DeadlineReasonCode = (typeof DEADLINE_REASON_CODES)[number];

/** One reason, naming the parcel it is about when it is about one. */
export interface DeadlineReason {
  readonly code: DeadlineReasonCode;
  readonly message: string;
  readonly carrier?: string;
  readonly trackingNumber?: string;
}

/** What was decided for one parcel, as far as the deadline cares. */
export interface ParcelProgress {
  readonly carrier: string;
  readonly trackingNumber: string;
  /** Whether the event calls for an intercept or redirect of this parcel. */
  readonly needsAction: boolean;
  /** The action's current status, when one was started. */
  readonly actionStatus?: string | undefined;
  /** Why no action was started, when one was needed. */
  readonly blocked?: DeadlineReason | undefined;
}

/** The deadline's state and every reason for it. */
export interface DeadlineJudgement {
  readonly status: DeadlineStatus;
  readonly reasons: readonly DeadlineReason[];
}

/** Action statuses in which what the buyer asked for is done (or being done by the carrier). */
const DONE = new Set(['accepted', 'returning', 'returned', 'redirected']);
/** Action statuses in which it will not be done. */
const FAILED = new Set(['rejected', 'failed', 'cancelled']);

/**
 * Judges the deadline at `now`. A deadline already past is `missed` unless everything
 * asked is done; a parcel nothing could act on (its carrier down, out of window, refused by
 * policy) or a failed action is `at_risk` at once; a pending action within `nearMs` of the
 * deadline is `at_risk`; every action done is `met`; otherwise `on_track` while actions are
 * pending, and `none` when the event called for no action and nothing stands in the way.
 */
export function judgeOrderDeadline(input: {
  readonly now: Date;
  readonly respondBy: Date | undefined;
  readonly nearMs: number;
  readonly parcels: readonly ParcelProgress[];
}): DeadlineJudgement {
  const { now, respondBy, nearMs } = input;
  const needed = input.parcels.filter((parcel) => parcel.needsAction);
  const reasons: DeadlineReason[] = [];
  let pending = 0;
  for (const parcel of needed) {
    const names = { carrier: parcel.carrier, trackingNumber: parcel.trackingNumber };
    if (parcel.actionStatus === undefined) {
      reasons.push(
        parcel.blocked ?? {
          code: 'no_rule',
          message: 'no rule started an action for this parcel',
          ...names,
        },
      );
    } else if (FAILED.has(parcel.actionStatus)) {
      reasons.push({
        code: 'action_failed',
        message: `the action ended ${parcel.actionStatus}`,
        ...names,
      });
    } else if (!DONE.has(parcel.actionStatus)) {
      pending += 1;
      if (respondBy !== undefined && respondBy.getTime() - now.getTime() <= nearMs) {
        reasons.push({
          code: 'action_pending',
          message: `the carrier has not answered and the deadline is ${describeLeft(respondBy, now)}`,
          ...names,
        });
      }
    }
  }
  const allDone = needed.length > 0 && reasons.length === 0 && pending === 0;
  if (respondBy !== undefined && respondBy.getTime() <= now.getTime() && !allDone) {
    return {
      status: 'missed',
      reasons: [
        {
          code: 'deadline_passed',
          message: `the deadline ${respondBy.toISOString()} has passed`,
        },
        ...reasons.filter((reason) => reason.code !== 'action_pending'),
      ],
    };
  }
  if (reasons.length > 0) {
    return { status: 'at_risk', reasons };
  }
  if (allDone) {
    return { status: 'met', reasons: [] };
  }
  return { status: pending > 0 ? 'on_track' : 'none', reasons: [] };
}

function describeLeft(deadline: Date, now: Date): string {
  const left = deadline.getTime() - now.getTime();
  return left <= 0 ? 'past' : `${Math.ceil(left / 60_000)} min away`;
}

/** The operation an event type asks for, if any: what "cannot act in time" is about. */
export function operationCalledFor(type: OrderEventType): StatusWindow | undefined {
  switch (type) {
    case 'refund_requested':
    case 'cancellation_requested':
      return 'intercept';
    case 'address_change_requested':
      return 'redirect';
    default:
      return undefined;
  }
}

/** What the deadline needs of a parcel's stored decision. */
export interface DecidedParcel {
  readonly carrier: string;
  readonly trackingNumber: string;
  readonly outcome: 'started' | 'not_started' | 'notified' | 'no_rule' | 'in_progress';
  readonly actionStatus: string | null;
  readonly reasons: readonly { readonly code: string; readonly message: string }[];
}

/** How a stored decision stands for the deadline. */
export function progressOf(decision: DecidedParcel, called: boolean): ParcelProgress {
  const names = { carrier: decision.carrier, trackingNumber: decision.trackingNumber };
  if (decision.outcome === 'started') {
    return { ...names, needsAction: true, actionStatus: decision.actionStatus ?? 'pending' };
  }
  if (decision.outcome === 'not_started' || (decision.outcome === 'no_rule' && called)) {
    const first = decision.reasons[0];
    return {
      ...names,
      needsAction: true,
      ...(first === undefined || !isDeadlineCode(first.code)
        ? first === undefined
          ? {}
          : { blocked: { code: 'not_eligible', message: first.message, ...names } }
        : { blocked: { code: first.code, message: first.message, ...names } }),
    };
  }
  return { ...names, needsAction: false };
}

function isDeadlineCode(code: string): code is DeadlineReason['code'] {
  return (DEADLINE_REASON_CODES as readonly string[]).includes(code);
}
