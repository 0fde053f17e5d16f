/**
 * How an error ends a command: which exit code, and what the operator (or a script reading
 * `--json`) is told. SDK errors are told apart by the SDK's guards, which work across
 * duplicate copies of the SDK where `instanceof` does not.
 */

import { isConnectionError, isProblemError, isTimeoutError } from '@parcelgate/sdk';
import { CommanderError } from 'commander';
import { EXIT_CODES, type ExitCode } from './exit-codes.ts';
import { UsageError } from './usage-error.ts';

/** A failure as `--json` prints it. */
export interface FailureReport {
  readonly kind: 'usage' | 'problem' | 'network' | 'interrupted' | 'internal';
  readonly message: string;
  /** The API's problem, for `kind: 'problem'`. */
  readonly problem?: {
    readonly status: number;
    readonly type: string;
    readonly title: string;
    readonly detail: string;
    readonly requestId: string | undefined;
    readonly reasons: readonly { readonly code: string; readonly message: string }[];
    readonly errors: readonly { readonly pointer: string; readonly detail: string }[];
  };
}

/** The exit code and report of an error a command threw. */
export function describeFailure(
  error: unknown,
  signal: AbortSignal,
): { code: ExitCode; report: FailureReport } {
  if (signal.aborted) {
    return {
      code: EXIT_CODES.interrupted,
      report: { kind: 'interrupted', message: 'interrupted' },
    };
  }
  if (error instanceof UsageError || error instanceof CommanderError) {
    return { code: EXIT_CODES.usage, report: { kind: 'usage', message: error.message } };
  }
  if (isProblemError(error)) {
    const reasons = error.reasons.map(({ code, message }) => ({ code, message }));
    const fields = error.errors.map(({ pointer, detail }) => ({ pointer, detail }));
    const why = [...reasons.map((reason) => reason.code), ...fields.map((f) => f.pointer)];
    return {
      code: EXIT_CODES.api,
      report: {
        kind: 'problem',
        message: `${error.status} ${error.title}: ${error.detail}${why.length > 0 ? ` (${why.join(', ')})` : ''}`,
        problem: {
          status: error.status,
          type: error.type,
          title: error.title,
          detail: error.detail,
          requestId: error.requestId,
          reasons,
          errors: fields,
        },
      },
    };
  }
  if (isConnectionError(error) || isTimeoutError(error)) {
    // The SDK's message names the URL and the cause; the key is only ever in a header.
    return { code: EXIT_CODES.network, report: { kind: 'network', message: error.message } };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: EXIT_CODES.internal, report: { kind: 'internal', message } };
}
