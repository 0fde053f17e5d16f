import type { Counter } from 'prom-client';
import { isProblemError } from '../problems.ts';

/** What identifies the stored intercept or redirect a problem answer is about. */
type ActionIdField = 'interceptId' | 'redirectId';

/**
 * Runs an intercept or redirect request and counts the status it was answered in. A problem
 * answer counts too when it names the stored intercept or redirect: `not-eligible` is a
 * refusal by policy (`rejected`); any other problem there means the carrier could not take
 * it (`failed`). Problems about nothing stored (bad input, an unknown carrier, tracking that
 * could not be read) are not outcomes: the request metrics count them by status code, and
 * counting them here would let any carrier name a client sends become a label.
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
    if (isProblemError(error) && error.extensions[idField] !== undefined) {
      const status = error.problemType === 'not-eligible' ? 'rejected' : 'failed';
      counter.inc({ carrier: carrierId, status });
    }
    throw error;
  }
}
