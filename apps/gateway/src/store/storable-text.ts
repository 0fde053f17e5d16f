/**
 * What PostgreSQL (and PGlite) cannot store: NUL, in neither `text` ("invalid byte
 * sequence") nor `jsonb` ("unsupported Unicode escape sequence"), and a UTF-16 surrogate
 * without its pair, which `jsonb` refuses. Either one turns an insert into an error.
 */
const UNSTORABLE_TEXT =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what is looked for.
  /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The replacement character, which Unicode reserves for text that could not be kept. */
const REPLACEMENT = '\uFFFD';

/** The text with every unstorable character replaced by U+FFFD; the same string when none. */
export function toStorableText(text: string): string {
  return text.replace(UNSTORABLE_TEXT, REPLACEMENT);
}

/**
 * A copy of `value` whose strings, at any depth of its arrays and plain objects (keys
 * included), are {@link toStorableText}. For what third parties send (carrier pushes),
 * which is stored as it came rather than refused: anything else is returned as it is.
 */
export function toStorable<Value>(value: Value): Value {
  return storable(value) as Value;
}

function storable(value: unknown): unknown {
  if (typeof value === 'string') {
    return toStorableText(value);
  }
  if (Array.isArray(value)) {
    return value.map(storable);
  }
  if (isPlainObject(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [toStorableText(key), storable(inner)]),
    );
  }
  return value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
