/**
 * Deterministic randomness. Every decision the simulator makes by chance (intercept
 * outcomes, routes, fault rates, jitter) is a hash of the seed and what identifies the
 * decision, never Math.random: the same seed and the same requests give the same
 * outcomes, whatever order parallel tests run in.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * Maps the parts to a number in [0, 1). FNV-1a over the parts joined by a separator that
 * cannot occur in them unnoticed, then murmur3's finalizer so that inputs differing in
 * the last character still spread over the whole range.
 */
export function unitHash(...parts: readonly (string | number)[]): number {
  let hash = FNV_OFFSET;
  for (let partIndex = 0; partIndex < parts.length; partIndex++) {
    const text = String(parts[partIndex]);
    for (let index = 0; index < text.length; index++) {
      hash = Math.imul(hash ^ text.charCodeAt(index), FNV_PRIME);
    }
    hash = Math.imul(hash ^ 0x1f, FNV_PRIME);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return (hash >>> 0) / 0x1_0000_0000;
}
