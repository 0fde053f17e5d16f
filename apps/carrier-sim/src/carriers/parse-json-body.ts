/** A JSON object body, or why there is none. */
export type JsonBody =
  | { readonly ok: true; readonly value: Readonly<Record<string, unknown>> }
  | { readonly ok: false; readonly message: string };

/** Parses a request body that must be a JSON object. */
export function parseJsonObject(body: Buffer): JsonBody {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    return { ok: false, message: 'body is not valid JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, message: 'body must be a JSON object' };
  }
  return { ok: true, value: value as Record<string, unknown> };
}
