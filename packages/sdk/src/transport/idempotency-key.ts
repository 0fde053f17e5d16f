/**
 * A fresh Idempotency-Key: a random UUID from WebCrypto, present in every runtime with
 * `fetch` (Node, Deno, Bun, browsers, workers), so no Node import is needed.
 */
export function newIdempotencyKey(): string {
  return globalThis.crypto.randomUUID();
}
