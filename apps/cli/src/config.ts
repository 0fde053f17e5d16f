/**
 * Where the gateway's URL and the API key come from: flags first, then the environment
 * (`PARCELGATE_URL`, `PARCELGATE_API_KEY`), then the config file, then the local default URL.
 * The key is never printed: {@link describeConfig} shows only where it came from.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CliIo } from './io.ts';
import { UsageError } from './usage-error.ts';

/** The URL `pnpm start` serves the gateway on. */
export const DEFAULT_URL = 'http://127.0.0.1:8080';

/** Where a setting was found. */
export type ConfigSource = 'flag' | 'env' | 'file' | 'default';

/** The settings a command talks to the gateway with. */
export interface CliConfig {
  readonly url: string;
  readonly apiKey: string;
  readonly sources: { readonly url: ConfigSource; readonly apiKey: ConfigSource };
  /** The config file that was read, if one was. */
  readonly file: string | undefined;
}

/** The global flags that bear on configuration. */
export interface ConfigFlags {
  readonly url?: string | undefined;
  readonly apiKey?: string | undefined;
  readonly config?: string | undefined;
}

/** What a config file may hold. */
interface ConfigFile {
  readonly url?: string;
  readonly apiKey?: string;
}

/**
 * The config file's path: `--config`, else `PARCELGATE_CONFIG`, else
 * `$XDG_CONFIG_HOME/parcelgate/config.json` (`~/.config/parcelgate/config.json`).
 */
export function configFilePath(flags: ConfigFlags, env: CliIo['env']): string | undefined {
  const named = flags.config ?? env.PARCELGATE_CONFIG;
  if (named !== undefined && named !== '') {
    return named;
  }
  const base = env.XDG_CONFIG_HOME || (env.HOME ? join(env.HOME, '.config') : undefined);
  return base === undefined ? undefined : join(base, 'parcelgate', 'config.json');
}

/**
 * Reads the config file. A missing default file is no error; a file named by `--config` or
 * `PARCELGATE_CONFIG` must exist, and any file must be a JSON object of strings.
 */
async function readConfigFile(path: string, required: boolean): Promise<ConfigFile | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (!required && (error as NodeJS.ErrnoException).code === 'ENOENT') {
      return undefined;
    }
    throw new UsageError(`cannot read the config file ${path}: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new UsageError(`the config file ${path} is not JSON`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new UsageError(`the config file ${path} must hold an object: { "url": …, "apiKey": … }`);
  }
  const record = parsed as Record<string, unknown>;
  for (const field of ['url', 'apiKey']) {
    if (record[field] !== undefined && typeof record[field] !== 'string') {
      throw new UsageError(`the config file ${path}: "${field}" must be a string`);
    }
  }
  return record as ConfigFile;
}

/** Resolves the URL and key, or throws a {@link UsageError} saying how to give a key. */
export async function resolveConfig(flags: ConfigFlags, io: CliIo): Promise<CliConfig> {
  const path = configFilePath(flags, io.env);
  const required = flags.config !== undefined || Boolean(io.env.PARCELGATE_CONFIG);
  const file = path === undefined ? undefined : await readConfigFile(path, required);
  const pick = (
    flag: string | undefined,
    envValue: string | undefined,
    fileValue: string | undefined,
  ): [string | undefined, ConfigSource] => {
    if (flag) {
      return [flag, 'flag'];
    }
    if (envValue) {
      return [envValue, 'env'];
    }
    return fileValue ? [fileValue, 'file'] : [undefined, 'default'];
  };
  const [url, urlSource] = pick(flags.url, io.env.PARCELGATE_URL, file?.url);
  const [apiKey, keySource] = pick(flags.apiKey, io.env.PARCELGATE_API_KEY, file?.apiKey);
  if (apiKey === undefined) {
    throw new UsageError(
      `no API key: set PARCELGATE_API_KEY, pass --api-key, or put "apiKey" in ${path ?? 'a config file (--config)'}`,
    );
  }
  const resolvedUrl = url ?? DEFAULT_URL;
  if (!/^https?:\/\/[^/]/.test(resolvedUrl)) {
    throw new UsageError(`the gateway URL must be http(s)://…, got ${JSON.stringify(resolvedUrl)}`);
  }
  return {
    url: resolvedUrl.replace(/\/+$/, ''),
    apiKey,
    sources: { url: urlSource, apiKey: keySource },
    file: file === undefined ? undefined : path,
  };
}
