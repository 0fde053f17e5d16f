/**
 * `parcelgate`'s command line: commander parses it, each command runs on the SDK, and every
 * outcome becomes one of {@link EXIT_CODES}. Nothing here touches `process`: `bin.ts` passes
 * the real streams, tests their own.
 */

import type { InterceptReason, PickupMode, WebhookEventType } from '@parcelgate/sdk';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { eventsTailCommand } from './commands/events-tail.ts';
import { interceptCommand } from './commands/intercept.ts';
import { trackCommand } from './commands/track.ts';
import { watchCommand } from './commands/watch.ts';
import { waveCommand } from './commands/wave.ts';
import {
  type CommandContext,
  commandContext,
  type GlobalOptions,
  printJsonLine,
} from './context.ts';
import { EXIT_CODES, type ExitCode } from './exit-codes.ts';
import { describeFailure } from './failure.ts';
import { INTERCEPT_REASONS, PICKUP_MODE_NAMES } from './intercept-vocabulary.ts';
import type { CliIo } from './io.ts';
import { UsageError } from './usage-error.ts';

/** The CLI's version, as `parcelgate --version` prints it. */
export const CLI_VERSION = '0.0.0';

function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) {
    throw new InvalidArgumentError('expected a whole number, 0 or more');
  }
  return parsed;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** The options of `intercept`, as commander hands them over. */
interface InterceptOptions {
  readonly fromCsv?: string;
  readonly reason?: InterceptReason;
  readonly pickupMode?: PickupMode;
  readonly orderRef?: string;
  readonly note?: string;
  readonly phoneLastDigits?: string;
  readonly idempotencyKey?: string;
  readonly wait?: number;
  readonly maxInterval: number;
}

/**
 * Runs one command line (`argv` without `node` and the script) and resolves with its exit
 * code; it never calls `process.exit`.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  let exitCode: ExitCode = EXIT_CODES.ok;
  let context: CommandContext | undefined;
  const program = new Command('parcelgate');
  // Runs a command with the global options, keeping its exit code for runCli to answer.
  const action =
    <Args extends unknown[]>(run: (context: CommandContext, ...args: Args) => Promise<ExitCode>) =>
    async (...args: Args) => {
      context = commandContext(io, program.opts<GlobalOptions>());
      exitCode = await run(context, ...args);
    };

  program
    .description('Track and intercept parcels through a Parcelgate gateway.')
    .version(CLI_VERSION)
    .option('--url <url>', 'the gateway (env PARCELGATE_URL; default http://127.0.0.1:8080)')
    .option('--api-key <key>', 'the API key (env PARCELGATE_API_KEY; safer than this flag)')
    .option('--config <file>', 'a JSON config file (env PARCELGATE_CONFIG)')
    .option('--json', 'print machine-readable results on stdout')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    });

  program
    .command('track')
    .description("show a parcel's status, its events and whether it can be intercepted")
    .argument('<carrier>', 'carrier id, or "auto"')
    .argument('<trackingNumber>')
    .action(
      action((ctx, carrier: string, trackingNumber: string) =>
        trackCommand(ctx, carrier, trackingNumber),
      ),
    );

  program
    .command('intercept')
    .description('intercept one parcel, or a whole wave from a CSV file (--from-csv)')
    .argument('[carrier]')
    .argument('[trackingNumber]')
    .option('--from-csv <file>', 'intercept every row of this CSV file as one batch')
    .addOption(
      new Option('--reason <reason>', 'why (a default for CSV rows without one)').choices(
        INTERCEPT_REASONS,
      ),
    )
    .addOption(
      new Option(
        '--pickup-mode <mode>',
        'how the parcel left you (default platform_pickup)',
      ).choices(PICKUP_MODE_NAMES),
    )
    .option('--order-ref <ref>', "your order's reference")
    .option('--note <text>', 'a note for the carrier')
    .option(
      '--phone-last-digits <digits>',
      "the receiver's last four phone digits, where the carrier asks",
    )
    .option(
      '--idempotency-key <key>',
      'repeat a call safely (default: a fresh one, printed on stderr)',
    )
    .option(
      '--wait <seconds>',
      'answer within this many seconds, pending if the carrier is slower',
      positiveInteger,
    )
    .option(
      '--max-interval <ms>',
      'longest pause between two progress reads of a wave',
      positiveInteger,
      2_000,
    )
    .action(
      action(
        async (
          ctx,
          carrier: string | undefined,
          trackingNumber: string | undefined,
          options: InterceptOptions,
        ) => {
          if (options.fromCsv !== undefined) {
            if (carrier !== undefined) {
              throw new UsageError(
                'give either <carrier> <trackingNumber> or --from-csv, not both',
              );
            }
            return waveCommand(ctx, options.fromCsv, {
              reason: options.reason,
              pickupMode: options.pickupMode,
              idempotencyKey: options.idempotencyKey,
              maxIntervalMs: options.maxInterval,
            });
          }
          if (carrier === undefined || trackingNumber === undefined) {
            throw new UsageError(
              'intercept needs <carrier> <trackingNumber>, or --from-csv <file>',
            );
          }
          if (options.reason === undefined) {
            throw new UsageError(`intercept needs --reason (${INTERCEPT_REASONS.join(', ')})`);
          }
          return interceptCommand(
            ctx,
            {
              carrier,
              trackingNumber,
              reason: options.reason,
              pickupMode: options.pickupMode ?? 'platform_pickup',
              ...(options.orderRef === undefined ? {} : { orderRef: options.orderRef }),
              ...(options.note === undefined ? {} : { note: options.note }),
              ...(options.phoneLastDigits === undefined
                ? {}
                : { phoneLastDigits: options.phoneLastDigits }),
            },
            { idempotencyKey: options.idempotencyKey, waitSeconds: options.wait },
          );
        },
      ),
    );

  program
    .command('watch')
    .description('follow an intercept until its status is final, printing each transition')
    .argument('<interceptId>')
    .option('--max-interval <ms>', 'longest pause between two reads', positiveInteger, 5_000)
    .action(
      action((ctx, interceptId: string, options: { maxInterval: number }) =>
        watchCommand(ctx, interceptId, { maxIntervalMs: options.maxInterval }),
      ),
    );

  const events = program.command('events').description("the tenant's event log");
  events
    .command('tail')
    .description('print new events as they are written (Ctrl-C stops)')
    .option('--type <type>', 'only this event type (repeat for several)', collect, [])
    .option('--object-id <id>', 'only the events of this intercept, redirect or parcel')
    .option('-n, --last <count>', 'print the newest <count> events first', positiveInteger, 0)
    .option('--max-interval <ms>', 'longest pause between two reads', positiveInteger, 5_000)
    .action(
      action(
        (ctx, options: { type: string[]; objectId?: string; last: number; maxInterval: number }) =>
          eventsTailCommand(ctx, {
            // The gateway checks the names and answers a 400 naming a wrong one.
            types: options.type as WebhookEventType[],
            objectId: options.objectId,
            last: options.last,
            maxIntervalMs: options.maxInterval,
          }),
      ),
    );

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end this way too, with code 0; commander printed the message.
      return error.exitCode === 0 ? EXIT_CODES.ok : EXIT_CODES.usage;
    }
    const { code, report } = describeFailure(error, io.signal);
    if (report.kind === 'interrupted') {
      // Ctrl-C is how `watch` and `events tail` are meant to end: the code says it, no more.
      return code;
    }
    if (context?.json === true || (context === undefined && program.opts<GlobalOptions>().json)) {
      // One line, so it also ends a stream of NDJSON (`watch`, `events tail`) readably.
      printJsonLine(io, { error: report });
    } else {
      io.stderr.write(`parcelgate: ${report.message}\n`);
    }
    return code;
  }
}
