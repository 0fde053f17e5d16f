import { isJsonObject, jsonReaders, safeString } from '@parcelgate/carrier-kit/wire';

/**
 * Small readers for FedEx's JSON answers. They read only the fields the adapter uses,
 * ignore the rest (FedEx adds fields without notice) and throw a TypeError naming the path
 * (never the value, which may be personal data) when a field has the wrong shape. Callers
 * run them inside `parseJsonResponse`, which classifies that TypeError.
 */

export { isJsonObject, type JsonObject, safeString } from '@parcelgate/carrier-kit/wire';

/** carrier-kit's readers, their errors naming `fedex`. */
export const {
  readObject,
  readOptionalObject,
  readArray,
  readOptionalString,
  readOptionalBoolean,
} = jsonReaders('fedex');

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
