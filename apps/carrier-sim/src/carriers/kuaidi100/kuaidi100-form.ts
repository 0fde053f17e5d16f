/** Reads a form body (`application/x-www-form-urlencoded`, UTF-8), as Kuaidi100 does. */
export function readForm(body: Buffer): URLSearchParams {
  return new URLSearchParams(body.toString('utf8'));
}

/** Parses a `param` field that must be a JSON object; undefined when it is not one. */
export function parseParam(param: string): Readonly<Record<string, unknown>> | undefined {
  try {
    const value: unknown = JSON.parse(param);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** A non-empty string field of a param object. */
export function textOf(
  record: Readonly<Record<string, unknown>>,
  field: string,
): string | undefined {
  const value = record[field];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
