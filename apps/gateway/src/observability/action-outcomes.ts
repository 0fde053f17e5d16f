import type { Counter } from 'prom-client';
import { isProblemError } from '../problems.ts';

/** What identifies the stored intercept or redirect a problem answer is about. */
type ActionIdField = 'interceptId' | 'redirectId';

/**
 * Runs an intercept or redirect request and counts the status it was answered in. Two
 * problem answers count too: `not-eligible`, a refusal by the tenant's policy (`rejected`;
 * nothing is stored, but the carrier was resolved before the policy ran, so its name is a
 * known label), and any problem naming the stored intercept or redirect, which means the
 * carrier could not take it (`failed`). Other problems (bad input, an unknown carrier,
 * tracking that could not be read) are not outcomes: the request metrics count them by
 * status code, and counting them here would let any carrier name a client sends become a
 * label.
 */
export async function countActionOutcome<Answer>(
  counter: Counter<'carrier' | 'status'>,
  idField: ActionIdField,
  carrierId: string,
  work: Promise<Answer>,
  describe: (answer: Answer) => { readonly carrier: string; readonly status: string },
): Promise<Answer> {
  try {
    const answer = await work;
    // Exactly the two labels: any other member of the resource would make inc() throw.
    const { carrier, status } = describe(answer);
    counter.inc({ carrier, status });
    return answer;
  } catch (error) {
    if (isProblemError(error)) {
      if (error.problemType === 'not-eligible') {
        counter.inc({ carrier: carrierId, status: 'rejected' });
      } else if (error.extensions[idField] !== undefined) {
        counter.inc({ carrier: carrierId, status: 'failed' });
      }
    }
    throw error;
  }
}
