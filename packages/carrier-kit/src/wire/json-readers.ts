/**
 * Small readers for carriers' JSON answers. They read only the fields an adapter uses,
 * ignore the rest (carriers add fields without notice) and throw a TypeError naming the
 * carrier and the path, never the value (it may be personal data). Adapters run them
 * inside `parseJsonResponse`, which classifies that TypeError.
 */

/** A JSON object. */
export type JsonObject = Readonly<Record<string, unknown>>;

/** Whether `value` is a JSON object (not null, not an array). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string of a best-effort body (an error answer): never throws. */
export function safeString(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return String(value);
  }
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The readers of one carrier's answers, their errors prefixed with its id. */
export interface JsonReaders {
  /** `value` as an object, or a TypeError naming `path`. */
  readObject(value: unknown, path: string): JsonObject;
  /** An optional object: undefined for absent or null. */
  readOptionalObject(value: unknown, path: string): JsonObject | undefined;
  /** An optional array (absent or null gives an empty one). */
  readArray(value: unknown, path: string): readonly unknown[];
  /**
   * An optional string. Numbers read as their text (codes such as `07` or `021` that some
   * producers serialize as numbers); empty strings are absent (carriers send `""` for
   * fields they have no value for).
   */
  readOptionalString(value: unknown, path: string): string | undefined;
  /** An optional boolean. */
  readOptionalBoolean(value: unknown, path: string): boolean | undefined;
}

/** The {@link JsonReaders} of the carrier `carrierId`. */
export function jsonReaders(carrierId: string): JsonReaders {
  const fail = (path: string, what: string): never => {
    throw new TypeError(`${carrierId}: ${path} must be ${what}`);
  };
  const readObject = (value: unknown, path: string): JsonObject =>
    isJsonObject(value) ? value : fail(path, 'an object');
  return {
    readObject,
    readOptionalObject: (value, path) =>
      value === undefined || value === null ? undefined : readObject(value, path),
    readArray: (value, path) => {
      if (value === undefined || value === null) {
        return [];
      }
      return Array.isArray(value) ? value : fail(path, 'an array');
    },
    readOptionalString: (value, path) => {
      if (value === undefined || value === null) {
        return undefined;
      }
      if (typeof value === 'number' && Number.isFinite(value)) {
        return String(value);
      }
      if (typeof value !== 'string') {
        return fail(path, 'a string');
      }
      const trimmed = value.trim();
      return trimmed === '' ? undefined : trimmed;
    },
    readOptionalBoolean: (value, path) => {
      if (value === undefined || value === null) {
        return undefined;
      }
      return typeof value === 'boolean' ? value : fail(path, 'a boolean');
    },
  };
}
