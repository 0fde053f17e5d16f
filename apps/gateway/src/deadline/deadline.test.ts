import { describe, expect, it } from 'vitest';
import { Deadline, type DeadlineTrace, plainTrace } from './deadline.ts';

describe('Deadline', () => {
  it('counts down from its end and never below zero', () => {
    const deadline = new Deadline(performance.now() + 10_000);
    expect(deadline.remainingMs()).toBeGreaterThan(9_000);
    expect(deadline.remainingMs()).toBeLessThanOrEqual(10_000);
    expect(new Deadline(performance.now() - 5).remainingMs()).toBe(0);
    expect(Deadline.in(-20).remainingMs()).toBe(0);
  });

  it('gives children that end no later than their parent, less the reserve', () => {
    const trace: DeadlineTrace = { reserveMs: () => 300, carrierCallEndedAt: undefined };
    const parent = new Deadline(performance.now() + 10_000, trace);
    // The adaptive reserve by default, an explicit one when given.
    expect(parent.child().endsAt).toBe(parent.endsAt - 300);
    expect(parent.child({ reserveMs: 0 }).endsAt).toBe(parent.endsAt);
    // A cap shorter than what is left wins; a longer one cannot widen the parent.
    expect(parent.child({ capMs: 1_000 }).remainingMs()).toBeLessThanOrEqual(1_000);
    expect(parent.child({ capMs: 60_000, reserveMs: 0 }).endsAt).toBe(parent.endsAt);
  });

  it('says when the answer is due on the wall clock, brought forward only', () => {
    const deadline = Deadline.in(5_000);
    const due = deadline.answerBy;
    expect(Math.abs(due - (Date.now() + 5_000))).toBeLessThan(1_000);
    deadline.answerNoLaterThan(due - 100);
    expect(deadline.answerBy).toBe(due - 100);
    deadline.answerNoLaterThan(due + 1_000);
    expect(deadline.answerBy).toBe(due - 100);
  });

  it('remembers, for the whole request, when its last carrier call ended', () => {
    const trace = plainTrace();
    const request = Deadline.in(1_000, trace);
    expect(trace.carrierCallEndedAt).toBeUndefined();
    request.child({ capMs: 100 }).carrierCallEnded(42);
    expect(trace.carrierCallEndedAt).toBe(42);
    expect(request.carrierCallEndedAt).toBe(42);
  });
});
