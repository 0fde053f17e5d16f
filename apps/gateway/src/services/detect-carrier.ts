import { type DetectionConfidence, detectionsOf } from '@parcelgate/carrier-kit';
import type { RegisteredCarrier } from '../carriers/carrier-registry.ts';
import { ProblemError } from '../problems.ts';

/** One carrier that could have issued a tracking number, and how to track it there. */
export interface DetectedCandidate {
  readonly carrier: RegisteredCarrier;
  readonly confidence: DetectionConfidence;
  /** What the adapter needs to track it (an aggregator's company), from its `detect()`. */
  readonly carrierOptions?: Readonly<Record<string, string>>;
}

/** At most this many candidates of one confidence are asked at once by `carrier=auto`. */
export const MAX_CANDIDATES_ASKED = 3;

const RANK: Record<DetectionConfidence, number> = { verified: 0, format: 1 };

/**
 * Every loaded carrier's offline detections of a number, best first: a verified check
 * digit before a format-only match (formats overlap between carriers), then in the order
 * the carriers and their detections were listed. An adapter whose `detect()` throws is
 * skipped: one broken adapter must not break detection for the others.
 */
export function detectCandidates(
  carriers: readonly RegisteredCarrier[],
  trackingNumber: string,
): DetectedCandidate[] {
  const candidates: DetectedCandidate[] = [];
  for (const carrier of carriers) {
    let answer: ReturnType<NonNullable<RegisteredCarrier['definition']['detect']>>;
    try {
      answer = carrier.definition.detect?.(trackingNumber);
    } catch {
      continue;
    }
    for (const detection of detectionsOf(answer)) {
      candidates.push({
        carrier,
        confidence: detection.confidence,
        ...(detection.carrierOptions === undefined
          ? {}
          : { carrierOptions: { ...detection.carrierOptions } }),
      });
    }
  }
  // Array.prototype.sort is stable: the carriers' order holds within a confidence.
  return candidates.sort((a, b) => RANK[a.confidence] - RANK[b.confidence]);
}

/**
 * The candidates `carrier=auto` asks, grouped by confidence (best first), each group cut
 * to {@link MAX_CANDIDATES_ASKED}; a 404 `unknown-carrier` when no carrier recognises it.
 */
export function candidateGroups(
  carriers: readonly RegisteredCarrier[],
  trackingNumber: string,
): DetectedCandidate[][] {
  const candidates = detectCandidates(carriers, trackingNumber);
  if (candidates.length === 0) {
    throw new ProblemError(
      'unknown-carrier',
      'No loaded carrier recognises this tracking number; name the carrier instead of "auto".',
      { carrier: 'auto' },
    );
  }
  const groups: DetectedCandidate[][] = [];
  for (const confidence of ['verified', 'format'] as const) {
    const group = candidates.filter((candidate) => candidate.confidence === confidence);
    if (group.length > 0) {
      groups.push(group.slice(0, MAX_CANDIDATES_ASKED));
    }
  }
  return groups;
}

/**
 * The one carrier a detected number goes to when detection leaves no choice, for the
 * deadline plugin's per-carrier budget; undefined when several are asked or none matches.
 */
export function soleDetectedCarrier(
  carriers: readonly RegisteredCarrier[],
  trackingNumber: string,
): string | undefined {
  const candidates = detectCandidates(carriers, trackingNumber);
  const ids = new Set(candidates.map((candidate) => candidate.carrier.definition.id));
  return candidates.length === 1 && ids.size === 1 ? [...ids][0] : undefined;
}
