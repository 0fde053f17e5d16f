import type { CarrierLogger, LogFields } from '../carrier-context.ts';

/** What replaces a secret in text. */
export const REDACTED = '[REDACTED]';

/** Secrets shorter than this are not redacted: they would blank out ordinary words. */
const MIN_SECRET_LENGTH = 4;

/** Replaces every occurrence of each secret in `text`, longest first. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  return [...secrets]
    .filter((secret) => secret.length >= MIN_SECRET_LENGTH)
    .sort((left, right) => right.length - left.length)
    .reduce((redacted, secret) => redacted.replaceAll(secret, REDACTED), text);
}

/**
 * Wraps a logger so no secret value reaches its output, in the message or any field,
 * however deeply nested.
 */
export function createRedactingLogger(
  logger: CarrierLogger,
  secrets: readonly string[],
): CarrierLogger {
  const redactFields = (fields: LogFields | undefined): LogFields | undefined =>
    fields === undefined ? undefined : (redactValue(fields, secrets) as LogFields);
  const wrap =
    (level: keyof CarrierLogger) =>
    (message: string, fields?: LogFields): void => {
      const redacted = redactFields(fields);
      if (redacted === undefined) {
        logger[level](redactSecrets(message, secrets));
      } else {
        logger[level](redactSecrets(message, secrets), redacted);
      }
    };
  return { debug: wrap('debug'), info: wrap('info'), warn: wrap('warn'), error: wrap('error') };
}

function redactValue(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === 'string') {
    return redactSecrets(value, secrets);
  }
  if (Array.isArray(value)) {
    return value.map((item) => redactValue(item, secrets));
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, redactValue(item, secrets)]),
    );
  }
  return value;
}
