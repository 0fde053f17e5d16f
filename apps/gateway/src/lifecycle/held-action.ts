import type { NormalizedStatus } from '@parcelgate/carrier-kit';
import type { PolicyReason } from '../policy/codes.ts';
import type { FeeAssessment } from '../policy/policy-types.ts';
import type { ActionHistory } from '../store/action-history.ts';
import type { ActionChange, ExpectedAction } from '../store/actions.ts';
import type { CarrierAttempt } from '../store/attempts.ts';
import type { Transition } from '../store/transitions.ts';

/** The fields of an intercept or redirect that a lifecycle step changes or guards. */
export interface ChangeableAction {
  readonly status: string;
  readonly parcelStatus: NormalizedStatus | null;
  readonly parcelStatusAtRequest?: NormalizedStatus | null;
  readonly carrierReference: string | null;
  readonly carrierReason: string | null;
  readonly statusDetail: string | null;
  readonly fee: FeeAssessment;
  readonly policyReasons: readonly PolicyReason[];
  readonly needsAttention?: boolean;
  readonly attentionReason?: string | null;
  readonly updatedAt: Date;
}

/** What sending an action needs of a {@link HeldAction}, whatever its kind. */
export interface PresentableAction<Presented> {
  readonly record: ChangeableAction;
  readonly expected: ExpectedAction;
  after(
    change: ActionChange<string>,
    attempts: readonly CarrierAttempt[],
    at: Date,
  ): PresentableAction<Presented>;
  present(): Presented;
}

/**
 * An action as the request that made it stored it, kept in memory so that its events and
 * its answer are presented from what was written instead of read back: the statements that
 * change it are guarded by {@link HeldAction.expected}, so a change made meanwhile by
 * anyone else (a carrier's push, a person's flag, a tracking read) makes the guarded
 * statement write nothing, and the caller falls back to reading the action.
 *
 * What the database adds is applied here the way its statements apply it (defaults at
 * insert, `COALESCE` on update, attempts' rounded durations); a test compares both
 * presentations field by field on both engines.
 */
export class HeldAction<Stored extends ChangeableAction, Presented>
  implements PresentableAction<Presented>
{
  readonly record: Stored;
  readonly history: ActionHistory;
  readonly #present: (record: Stored, history: ActionHistory) => Presented;

  private constructor(
    record: Stored,
    history: ActionHistory,
    present: (record: Stored, history: ActionHistory) => Presented,
  ) {
    this.record = record;
    this.history = history;
    this.#present = present;
  }

  /** The action as its insert stores it, with its first transition. */
  static inserted<Stored extends ChangeableAction, Presented>(
    record: Stored,
    first: Transition,
    present: (record: Stored, history: ActionHistory) => Presented,
  ): HeldAction<Stored, Presented> {
    // The columns the insert leaves to the database, as it fills them.
    const stored: Stored = {
      ...record,
      parcelStatusAtRequest: record.parcelStatus,
      needsAttention: false,
      attentionReason: null,
    };
    return new HeldAction(stored, { transitions: [first], attempts: [] }, present);
  }

  /** What the statement changing it must still find, for this presentation to be true. */
  get expected(): ExpectedAction {
    return {
      status: this.record.status,
      parcelStatus: this.record.parcelStatus,
      transitions: this.history.transitions.length,
    };
  }

  /** The action after `change` at `at`, with the attempts that led to it. */
  after(
    change: ActionChange<string>,
    attempts: readonly CarrierAttempt[],
    at: Date,
  ): HeldAction<Stored, Presented> {
    const record = this.record;
    return new HeldAction(
      {
        ...record,
        status: change.status,
        carrierReference: change.carrierReference ?? record.carrierReference,
        carrierReason: change.carrierReason ?? record.carrierReason,
        statusDetail: change.statusDetail ?? null,
        fee: change.fee ?? record.fee,
        policyReasons:
          (change.reasons as readonly PolicyReason[] | undefined) ?? record.policyReasons,
        updatedAt: at,
      },
      {
        transitions: [
          ...this.history.transitions,
          { status: change.status, at, cause: change.cause, detail: change.statusDetail ?? null },
        ],
        // The database keeps whole milliseconds.
        attempts: [
          ...this.history.attempts,
          ...attempts.map((attempt) => ({
            ...attempt,
            durationMs: Math.round(attempt.durationMs),
          })),
        ],
      },
      this.#present,
    );
  }

  /** The action as `GET` answers it. */
  present(): Presented {
    return this.#present(this.record, this.history);
  }
}
