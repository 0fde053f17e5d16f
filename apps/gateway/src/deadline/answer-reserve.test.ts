import { describe, expect, it } from 'vitest';
import { AnswerReserve } from './answer-reserve.ts';

describe('AnswerReserve', () => {
  it('is the floor while what follows a call is quick', () => {
    const reserve = new AnswerReserve({ floorMs: 100, ceilingMs: 1000 });
    expect(reserve.currentMs()).toBe(100);
    for (let index = 0; index < 50; index += 1) {
      reserve.observe(10);
    }
    expect(reserve.currentMs()).toBe(100);
  });

  it('grows to twice the average under load, up to the ceiling, and settles back', () => {
    const reserve = new AnswerReserve({ floorMs: 100, ceilingMs: 1000, alpha: 0.5 });
    reserve.observe(300);
    expect(reserve.currentMs()).toBe(300);
    reserve.observe(300);
    expect(reserve.currentMs()).toBe(450);
    for (let index = 0; index < 20; index += 1) {
      reserve.observe(5_000);
    }
    expect(reserve.currentMs()).toBe(1000);
    for (let index = 0; index < 20; index += 1) {
      reserve.observe(0);
    }
    expect(reserve.currentMs()).toBe(100);
  });
});
