/**
 * `@parcelgate/cli`: the `parcelgate` command. The package's entry exposes the command line
 * as a function, for tools that embed it and for tests.
 */
export type { CliConfig, ConfigFlags, ConfigSource } from './config.ts';
export { configFilePath, DEFAULT_URL, resolveConfig } from './config.ts';
export { EXIT_CODES, type ExitCode } from './exit-codes.ts';
export type { CliIo, OutputStream } from './io.ts';
export { processIo } from './io.ts';
export { CLI_VERSION, runCli } from './run-cli.ts';
export {
  MAX_WAVE_ROWS,
  readWaveCsv,
  WAVE_COLUMNS,
  type WaveDefaults,
} from './wave/read-wave-csv.ts';
