import type { Client } from 'openapi-fetch';
import { ParcelgateProblemError } from '../errors/problem-error.ts';
import { ParcelgateTimeoutError } from '../errors/transport-errors.ts';
import type { paths } from '../generated/openapi.ts';
import { type CallOptions, checkCallSettings, type ResolvedSettings } from '../options.ts';
import { createRetryingFetch, type FetchFunction } from './retrying-fetch.ts';

/** What resources share: the typed openapi-fetch client and the client's settings. */
export interface Transport {
  readonly api: Client<paths>;
  readonly settings: ResolvedSettings;
}

/** What one request is sent with: pass both to openapi-fetch's init. */
export interface CallInit {
  readonly signal: AbortSignal;
  readonly fetch: FetchFunction;
}

/** openapi-fetch's result, reduced to what {@link call} reads. */
export type CallOutcome<Data> =
  | { readonly data: Data; readonly error?: never; readonly response: Response }
  | { readonly data?: never; readonly error: unknown; readonly response: Response };

/** Whether a call is safe to send again when an attempt got no answer. */
export interface CallSafety {
  /**
   * False when sending the request twice could act twice (a POST the API gives no
   * Idempotency-Key): an attempt that got no answer is then not sent again.
   */
  readonly resendUnanswered: boolean;
}

/**
 * Runs one API call: sets up its deadline (`timeoutMs`, over every attempt) joined with the
 * caller's signal, sends it through the retrying fetch, and turns an error answer into a
 * {@link ParcelgateProblemError}. A caller's abort rethrows the caller's own reason; the
 * deadline throws {@link ParcelgateTimeoutError}. Every call is safe to resend unless
 * `safety` says otherwise.
 */
export async function call<Data>(
  transport: Transport,
  options: CallOptions | undefined,
  idempotencyKey: string | undefined,
  send: (init: CallInit) => Promise<CallOutcome<Data>>,
  safety: CallSafety = { resendUnanswered: true },
): Promise<Data> {
  const { settings } = transport;
  const timeoutMs = options?.timeoutMs ?? settings.timeoutMs;
  const maxRetries = options?.maxRetries ?? settings.maxRetries;
  checkCallSettings(timeoutMs, maxRetries);
  options?.signal?.throwIfAborted();

  const deadline = AbortSignal.timeout(timeoutMs);
  const signal =
    options?.signal === undefined ? deadline : AbortSignal.any([deadline, options.signal]);
  const fetch = createRetryingFetch({
    // Looked up per call, so a fetch patched after the client was made is still used.
    fetch: settings.fetch ?? ((request) => globalThis.fetch(request)),
    maxRetries,
    signal,
    deadlineAt: Date.now() + timeoutMs,
    baseDelayMs: settings.baseDelayMs,
    maxDelayMs: settings.maxDelayMs,
    onRetry: settings.onRetry,
    resendUnanswered: safety.resendUnanswered,
  });

  let outcome: CallOutcome<Data>;
  try {
    outcome = await send({ signal, fetch });
  } catch (error) {
    if (options?.signal?.aborted === true) {
      throw options.signal.reason;
    }
    if (deadline.aborted) {
      throw new ParcelgateTimeoutError({ timeoutMs, cause: error, idempotencyKey });
    }
    throw error;
  }

  const { response } = outcome;
  if (response.ok) {
    return outcome.data as Data;
  }
  throw new ParcelgateProblemError({
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
    body: outcome.error,
    idempotencyKey,
  });
}

/** The `Prefer` header for a wait in seconds, or nothing. */
export function preferHeader(preferWaitSeconds: number | undefined): { prefer?: string } {
  return preferWaitSeconds === undefined ? {} : { prefer: `wait=${preferWaitSeconds}` };
}
