import { describe, expect, it } from 'vitest';
import { judgeUnsettled, NOT_SENT_DETAIL, type UnsettledAction } from './judge-unsettled.ts';

const windows = { unknownOutcomeMs: 120_000, deadlineMs: 48 * 3_600_000 };
const pending = (changes: Partial<UnsettledAction>): UnsettledAction => ({
  table: 'intercepts',
  status: 'pending',
  lastCause: 'outcome_unknown',
  sentAttempts: 1,
  carrierHasIt: false,
  sinceRequestMs: 0,
  sinceChangeMs: 0,
  ...changes,
});

describe('judgeUnsettled', () => {
  it('waits for an unknown outcome until its window closes, no longer', () => {
    expect(judgeUnsettled(pending({ sinceRequestMs: 30_000 }), windows)).toEqual({
      kind: 'wait',
      withinMs: 90_000,
    });
  });

  it('fails an action never sent once its window has passed', () => {
    const stored = pending({ lastCause: 'request', sentAttempts: 0, sinceRequestMs: 120_000 });
    expect(judgeUnsettled(stored, windows)).toEqual({ kind: 'not-sent', detail: NOT_SENT_DETAIL });
  });

  it('flags a sent action whose fate is unknown once its window has passed', () => {
    for (const lastCause of ['outcome_unknown', 'request'] as const) {
      const verdict = judgeUnsettled(pending({ lastCause, sinceRequestMs: 121_000 }), windows);
      expect(verdict).toMatchObject({ kind: 'flag', reason: expect.stringContaining('2 min') });
    }
  });

  it('gives an action the carrier acknowledged the long deadline', () => {
    const decidesLater = pending({ lastCause: 'carrier_answer', sinceRequestMs: 600_000 });
    expect(judgeUnsettled(decidesLater, windows)).toMatchObject({ kind: 'wait' });
    // Its status query found it: the carrier has it, whatever our last transition says.
    const found = pending({ carrierHasIt: true, sinceRequestMs: 600_000, sinceChangeMs: 600_000 });
    expect(judgeUnsettled(found, windows)).toEqual({
      kind: 'wait',
      withinMs: windows.deadlineMs - 600_000,
    });
    const accepted = pending({
      status: 'accepted',
      lastCause: 'carrier_answer',
      sinceChangeMs: windows.deadlineMs,
    });
    expect(judgeUnsettled(accepted, windows)).toEqual({
      kind: 'flag',
      reason: 'no final outcome after 48 h',
    });
  });
});
