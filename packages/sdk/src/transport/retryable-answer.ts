import { PROBLEM_TYPE_BASE } from '../errors/problem-types.ts';
import { parseRetryAfterMs } from './retry-delay.ts';

/** Whether to send a request again after this answer, and when at the earliest. */
export type AnswerVerdict =
  | { readonly retry: false; readonly response: Response }
  | {
      readonly retry: true;
      readonly response: Response;
      /** From Retry-After; undefined when absent or unreadable. */
      readonly retryAfterMs: number | undefined;
    };

const MAYBE_RETRYABLE = new Set([409, 429, 503]);
const IN_PROGRESS = `${PROBLEM_TYPE_BASE}idempotency-request-in-progress`;

/**
 * Only 429, 503 and the 409 of `idempotency-request-in-progress` are retried: each means
 * the request was not acted on, so sending it again (with the same Idempotency-Key) cannot
 * act twice. That 409 arises when an earlier attempt of this very call lost its connection
 * but still runs on the gateway; waiting for it yields its answer. 502 and 504 are not
 * retried: the gateway already spent its own retries and budget on the carrier.
 *
 * The bodies of these few statuses are read here (problem documents are small) and the
 * response rebuilt, so the last one can still be parsed when the retries run out.
 */
export async function judgeAnswer(response: Response): Promise<AnswerVerdict> {
  if (!MAYBE_RETRYABLE.has(response.status)) {
    return { retry: false, response };
  }
  const text = await response.text();
  const rebuilt = new Response(text === '' ? null : text, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  if (response.status === 409 && problemType(text) !== IN_PROGRESS) {
    return { retry: false, response: rebuilt };
  }
  return {
    retry: true,
    response: rebuilt,
    retryAfterMs: parseRetryAfterMs(response.headers.get('retry-after')),
  };
}

function problemType(text: string): unknown {
  try {
    const body: unknown = JSON.parse(text);
    return typeof body === 'object' && body !== null
      ? (body as { type?: unknown }).type
      : undefined;
  } catch {
    return undefined;
  }
}
