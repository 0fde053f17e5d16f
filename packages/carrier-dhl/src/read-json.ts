import { jsonReaders } from '@parcelgate/carrier-kit/wire';

/**
 * Small readers for DHL's JSON answers. They read only the fields the adapter uses, ignore
 * the rest (DHL adds fields per division without notice) and throw a TypeError naming the
 * path, never the value (it may be personal data). Callers run them inside
 * `parseJsonResponse`, which classifies that TypeError.
 */

export { isJsonObject, type JsonObject, safeString } from '@parcelgate/carrier-kit/wire';

/** carrier-kit's readers, their errors naming `dhl`. */
export const {
  readObject,
  readOptionalObject,
  readArray,
  readOptionalString,
  readOptionalBoolean,
} = jsonReaders('dhl');
