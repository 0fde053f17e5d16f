import type { CarrierAttempt } from '../store/attempts.ts';
import type { Transition } from '../store/transitions.ts';

/** Why an intercept or redirect answered at its deadline is pending. */
export const LATE_ANSWER_DETAIL =
  'the carrier has not answered within the latency budget; the outcome is followed in the background';

/**
 * An intercept or redirect as it is answered when its deadline passes after it was
 * stored: pending, with the one transition known for sure, built from memory because the
 * database may be what the request is waiting for. `GET` its Location for what followed.
 */
export function lateAnswerOf<
  Record extends {
    readonly status: string;
    readonly statusDetail: string | null;
    readonly createdAt: Date;
  },
>(
  record: Record,
): [Record, { readonly transitions: Transition[]; readonly attempts: CarrierAttempt[] }] {
  return [
    { ...record, status: 'pending', statusDetail: LATE_ANSWER_DETAIL },
    {
      transitions: [{ status: 'pending', cause: 'request', detail: null, at: record.createdAt }],
      attempts: [],
    },
  ];
}
