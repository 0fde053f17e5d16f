/**
 * Small readers for FedEx's JSON answers. They read only the fields the adapter uses,
 * ignore the rest (FedEx adds fields without notice) and throw a TypeError naming the path
 * (never the value, which may be personal data) when a field has the wrong shape. Callers
 * run them inside `parseJsonResponse`, which classifies that TypeError.
 */

/** A JSON object. */
export type JsonObject = Readonly<Record<string, unknown>>;

/** Whether `value` is a JSON object (not null, not an array). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `value` as an object, or a TypeError naming `path`. */
export function readObject(value: unknown, path: string): JsonObject {
  if (!isJsonObject(value)) {
    throw new TypeError(`fedex: ${path} must be an object`);
  }
  return value;
}

/** An optional object: undefined for absent or null. */
export function readOptionalObject(value: unknown, path: string): JsonObject | undefined {
  return value === undefined || value === null ? undefined : readObject(value, path);
}

/** An optional array (absent or null gives an empty one). */
export function readArray(value: unknown, path: string): readonly unknown[] {
  if (value === undefined || value === null) {
    return [];
  }
  if (!Array.isArray(value)) {
    throw new TypeError(`fedex: ${path} must be an array`);
  }
  return value;
}

/**
 * An optional string; numbers are read as their text because FedEx's 2-digit exception
 * codes (`07`) and counts (`deliveryAttempts`) are strings in the spec but numbers in some
 * answers. Empty strings are absent: FedEx sends `""` for fields it has no value for.
 */
export function readOptionalString(value: unknown, path: string): string | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value === 'number' && Number.isFinite(value)) {
    return String(value);
  }
  if (typeof value !== 'string') {
    throw new TypeError(`fedex: ${path} must be a string`);
  }
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** An optional boolean. */
export function readOptionalBoolean(value: unknown, path: string): boolean | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value !== 'boolean') {
    throw new TypeError(`fedex: ${path} must be a boolean`);
  }
  return value;
}

/** The first `{ code, message }` of a FedEx error list (`errors[]` or a track result's `error`). */
export interface FedexErrorEntry {
  readonly code: string | undefined;
  readonly message: string | undefined;
}

/**
 * Reads one `{ code, message }` (CXSError) without throwing: error bodies are best effort.
 */
export function readErrorEntry(value: unknown): FedexErrorEntry | undefined {
  if (!isJsonObject(value)) {
    return undefined;
  }
  const code = safeString(value.code);
  const message = safeString(value.message);
  return code === undefined && message === undefined ? undefined : { code, message };
}

/** The first entry of an `errors` array (ErrorResponseVO), without throwing. */
export function firstError(errors: unknown): FedexErrorEntry | undefined {
  return Array.isArray(errors) ? readErrorEntry(errors[0]) : undefined;
}

function safeString(value: unknown): string | undefined {
  if (typeof value === 'number') {
    return String(value);
  }
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
