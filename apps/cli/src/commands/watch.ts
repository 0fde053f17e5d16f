/**
 * `parcelgate watch <intercept-id>`: follows an intercept until its status is final
 * (returned, rejected, failed, cancelled), printing each transition once as it is stored.
 * It reads `GET /v1/intercepts/{id}`, whose `transitions` are the whole history, with a
 * backoff; the event log would tell the same, but the intercept itself is one call and
 * also shows a flag for a person.
 */
import type { Intercept, Transition } from '@parcelgate/sdk';
import { type CommandContext, printJsonLine, printLines } from '../context.ts';
import { EXIT_CODES, type ExitCode } from '../exit-codes.ts';
import { isFinalStatus, isUnsuccessfulStatus } from '../intercept-vocabulary.ts';
import { pollBackoff } from '../poll-backoff.ts';

/** How often to look. */
export interface WatchFlags {
  /** The longest pause between two reads, in milliseconds. */
  readonly maxIntervalMs: number;
}

/** Follows the intercept; exit 0 when it ends `returned`, 4 when it ends otherwise. */
export async function watchCommand(
  context: CommandContext,
  interceptId: string,
  flags: WatchFlags,
): Promise<ExitCode> {
  const { client } = await context.connect();
  const { io } = context;
  const backoff = pollBackoff(Math.min(500, flags.maxIntervalMs), flags.maxIntervalMs);
  let shown = 0;
  let flagged = false;
  for (;;) {
    const intercept = await client.intercepts.get(interceptId, { signal: io.signal });
    const fresh = intercept.transitions.slice(shown);
    shown = intercept.transitions.length;
    for (const transition of fresh) {
      printTransition(context, intercept, transition);
    }
    if (intercept.needsAttention && !flagged) {
      flagged = true;
      printAttention(context, intercept);
    }
    if (isFinalStatus(intercept.status)) {
      if (context.json) {
        printJsonLine(io, { type: 'final', intercept });
      } else {
        printLines(io, `${intercept.id} is ${intercept.status}: final`);
      }
      return isUnsuccessfulStatus(intercept.status) ? EXIT_CODES.partial : EXIT_CODES.ok;
    }
    if (fresh.length > 0) {
      backoff.reset();
    }
    await io.sleep(backoff.next(), io.signal);
  }
}

function printTransition(context: CommandContext, intercept: Intercept, transition: Transition) {
  if (context.json) {
    printJsonLine(context.io, { type: 'transition', interceptId: intercept.id, ...transition });
    return;
  }
  printLines(
    context.io,
    `${transition.at}  ${transition.status.padEnd(10)} ${transition.cause}${transition.detail ? `: ${transition.detail}` : ''}`,
  );
}

function printAttention(context: CommandContext, intercept: Intercept) {
  if (context.json) {
    printJsonLine(context.io, {
      type: 'needs_attention',
      interceptId: intercept.id,
      reason: intercept.attentionReason,
    });
    return;
  }
  printLines(
    context.io,
    `needs a person: ${intercept.attentionReason ?? 'no final outcome from the carrier in time'}`,
  );
}
