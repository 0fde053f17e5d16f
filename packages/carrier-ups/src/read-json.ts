import { isJsonObject, jsonReaders, safeString } from '@parcelgate/carrier-kit/wire';

/**
 * Small readers for UPS's JSON answers. They read only the fields the adapter uses,
 * ignore the rest (UPS adds fields without notice) and throw a TypeError naming the path
 * (never the value, which may be personal data) when a field has the wrong shape. Callers
 * run them inside `parseJsonResponse`, which classifies that TypeError.
 */

export { isJsonObject, type JsonObject, safeString } from '@parcelgate/carrier-kit/wire';

/** carrier-kit's readers, their errors naming `ups`. */
export const {
  readObject,
  readOptionalObject,
  readArray,
  readOptionalString,
  readOptionalBoolean,
} = jsonReaders('ups');

/** The first `{ code, message }` of an error list (`code`/`message` or `errorCode`/`errorMessage`). */
export interface UpsErrorEntry {
  readonly code: string | undefined;
  readonly message: string | undefined;
}

/**
 * Reads the first entry of an `errors` array without throwing: error bodies are best
 * effort. Handles both spellings UPS uses: `code`/`message` in 4xx bodies and
 * `errorCode`/`errorMessage` in 200 bodies with `success: false`.
 */
export function firstError(errors: unknown): UpsErrorEntry | undefined {
  if (!Array.isArray(errors)) {
    return undefined;
  }
  const first: unknown = errors[0];
  if (!isJsonObject(first)) {
    return undefined;
  }
  return {
    code: safeString(first.code ?? first.errorCode),
    message: safeString(first.message ?? first.errorMessage),
  };
}
