/**
 * How a stored request is compared with a repeat of it (an Idempotency-Key's record, a
 * batch item, an order event's own id): its JSON with object keys sorted, so formatting
 * differences and key order don't count.
 */
import { createHash } from 'node:crypto';

/**
 * What an Idempotency-Key's request is compared by: method, path and the body with object
 * keys sorted, so the same request hashes the same however its JSON was written.
 */
export function requestHashOf(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${path}\n${canonicalJson(body)}`)
    .digest('hex');
}

/** JSON with object keys sorted, so two spellings of one body compare equal. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(',')}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
