/** Decodes one percent-encoded path segment; a malformed one is kept as written. */
export function decodeSegment(segment: string): string {
  if (!segment.includes('%')) {
    return segment;
  }
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
