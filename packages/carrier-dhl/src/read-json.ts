/**
 * Small readers for DHL's JSON answers. They read only the fields the adapter uses, ignore
 * the rest (DHL adds fields per division without notice) and throw a TypeError naming the
 * path, never the value (it may be personal data). Callers run them inside
 * `parseJsonResponse`, which classifies that TypeError.
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
    throw new TypeError(`dhl: ${path} must be an object`);
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
    throw new TypeError(`dhl: ${path} must be an array`);
  }
  return value;
}

/** An optional string; numbers read as their text, empty strings as absent. */
export function readOptionalString(value: unknown, path: string): string | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value === 'number' && Number.isFinite(value)) {
    return String(value);
  }
  if (typeof value !== 'string') {
    throw new TypeError(`dhl: ${path} must be a string`);
  }
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** A string of a best-effort body (an error answer): never throws. */
export function safeString(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return String(value);
  }
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
