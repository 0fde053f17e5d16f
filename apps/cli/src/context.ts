/**
 * What every command is given: the streams, whether to print JSON, and the SDK client,
 * made on first use from the resolved configuration (so `--help` needs no API key).
 */
import { createParcelgateClient, type ParcelgateClient } from '@parcelgate/sdk';
import { type CliConfig, type ConfigFlags, resolveConfig } from './config.ts';
import type { CliIo } from './io.ts';

/** The global options every command accepts. */
export interface GlobalOptions extends ConfigFlags {
  readonly json?: boolean | undefined;
}

/** A command's view of the world. */
export interface CommandContext {
  readonly io: CliIo;
  /** `--json`: print machine-readable results on stdout, nothing else there. */
  readonly json: boolean;
  /** The SDK client and the settings it was made with. */
  connect(): Promise<{ client: ParcelgateClient; config: CliConfig }>;
}

/** Makes a command's context from the global options. */
export function commandContext(io: CliIo, options: GlobalOptions): CommandContext {
  let connected: Promise<{ client: ParcelgateClient; config: CliConfig }> | undefined;
  return {
    io,
    json: options.json === true,
    connect() {
      connected ??= resolveConfig(options, io).then((config) => ({
        config,
        client: createParcelgateClient({
          baseUrl: config.url,
          apiKey: config.apiKey,
          ...(io.fetch === undefined ? {} : { fetch: io.fetch }),
        }),
      }));
      return connected;
    },
  };
}

/** Prints one JSON document on stdout (pretty, ending with a newline). */
export function printJson(io: CliIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Prints one JSON value on one line: a stream of them is NDJSON (`watch`, `events tail`). */
export function printJsonLine(io: CliIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value)}\n`);
}

/** Prints lines on stdout. */
export function printLines(io: CliIo, ...lines: string[]): void {
  io.stdout.write(`${lines.join('\n')}\n`);
}
