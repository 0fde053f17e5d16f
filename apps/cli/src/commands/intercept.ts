/**
 * `parcelgate intercept <carrier> <number> --reason …`: one intercept, under an
 * Idempotency-Key made for this invocation (or `--idempotency-key`), which is told on stderr
 * so a run cut off by the network can be repeated safely with it.
 */
import { randomUUID } from 'node:crypto';
import {
  type Intercept,
  type InterceptRequest,
  isConnectionError,
  isTimeoutError,
} from '@parcelgate/sdk';
import { type CommandContext, printJson, printLines } from '../context.ts';
import { EXIT_CODES, type ExitCode } from '../exit-codes.ts';
import { isUnsuccessfulStatus } from '../intercept-vocabulary.ts';

/** The flags of a single intercept. */
export interface InterceptFlags {
  readonly idempotencyKey?: string | undefined;
  /** `--wait <seconds>`: `Prefer: wait=N`, the gateway answers `pending` after N seconds. */
  readonly waitSeconds?: number | undefined;
}

/** Sends the intercept and prints it; exit 4 when it came back rejected or failed. */
export async function interceptCommand(
  context: CommandContext,
  request: InterceptRequest,
  flags: InterceptFlags,
): Promise<ExitCode> {
  const { client } = await context.connect();
  const idempotencyKey = flags.idempotencyKey ?? randomUUID();
  let intercept: Intercept;
  try {
    intercept = await client.intercepts.create(request, {
      idempotencyKey,
      signal: context.io.signal,
      ...(flags.waitSeconds === undefined ? {} : { preferWaitSeconds: flags.waitSeconds }),
    });
  } catch (error) {
    if (isConnectionError(error) || isTimeoutError(error)) {
      // The intercept may have been stored: the same key replays it and never acts twice.
      context.io.stderr.write(
        `the outcome is unknown: repeat with --idempotency-key ${idempotencyKey} to learn it\n`,
      );
    }
    throw error;
  }
  if (context.json) {
    printJson(context.io, intercept);
  } else {
    printLines(context.io, ...formatIntercept(intercept));
  }
  return isUnsuccessfulStatus(intercept.status) ? EXIT_CODES.partial : EXIT_CODES.ok;
}

/** The human form of an intercept: id, status, why, and what to do next. */
export function formatIntercept(intercept: Intercept): string[] {
  const lines = [
    `${intercept.id} ${intercept.status}: ${intercept.carrier} ${intercept.trackingNumber}${intercept.orderRef ? ` (order ${intercept.orderRef})` : ''}`,
  ];
  for (const reason of [...intercept.reasons, ...intercept.warnings]) {
    lines.push(`  ${reason.code}: ${reason.message}`);
  }
  if (intercept.statusDetail) {
    lines.push(`  ${intercept.statusDetail}`);
  }
  if (intercept.nextActions.length > 0) {
    lines.push(`next: ${intercept.nextActions.join(', ')}`);
  }
  if (intercept.status === 'pending') {
    lines.push(`the carrier decides later: parcelgate watch ${intercept.id}`);
  }
  return lines;
}
