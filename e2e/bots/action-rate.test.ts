import { describe, expect, it } from "vitest";
import { ActionRate, RATE_HISTORY_MS } from "./action-rate.ts";

const START = 5_000_000;

describe("ActionRate", () => {
  it("counts actions in a window, the straddling slot in proportion to its overlap", () => {
    const rate = new ActionRate(START);
    for (let i = 0; i < 10; i++) rate.action(START + 1000 + i * 10); // all in slot 10..11
    expect(rate.actions(START + 2000, 1000)).toBe(10);
    expect(rate.actions(START + 2000, 950)).toBe(5); // half of slot 1000..1099 is in the window
    expect(rate.actions(START + 2000, 900)).toBe(0);
  });

  it("books what the target asked for, piece by piece as it changes", () => {
    const rate = new ActionRate(START);
    rate.setTarget(60, START); // 1 action/s
    rate.setTarget(120, START + 10_000); // then 2 actions/s
    rate.setTarget(0, START + 15_000); // then nothing
    expect(rate.expected(START + 20_000, 20_000)).toBeCloseTo(10 + 10, 9);
    expect(rate.expected(START + 20_000, 10_000)).toBeCloseTo(10, 9);
    expect(rate.expected(START + 20_000, 5_000)).toBe(0);
    expect(rate.expected(START + 20_000, 7_500)).toBeCloseTo(5, 9); // half of the 120/min part
  });

  it("forgets what is older than ten minutes, however long the gap", () => {
    const rate = new ActionRate(START);
    rate.setTarget(600, START);
    rate.action(START + 100);
    const later = START + RATE_HISTORY_MS + 60_000;
    rate.action(later);
    expect(rate.actions(later, 60 * 60_000)).toBe(1);
    expect(rate.expected(later, 60 * 60_000)).toBeCloseTo(600 * 10, 6);
    const muchLater = START + 50 * RATE_HISTORY_MS;
    expect(rate.actions(muchLater, RATE_HISTORY_MS)).toBe(0);
    expect(rate.expected(muchLater, 60_000)).toBeCloseTo(600, 6);
  });

  it("treats a clock stepping back as standing still", () => {
    const rate = new ActionRate(START);
    rate.setTarget(60, START);
    rate.action(START + 10_000);
    rate.action(START + 4_000); // earlier than the last: counted now
    expect(rate.actions(START + 10_000, 100)).toBe(2);
    expect(rate.expected(START + 1_000, 60_000)).toBeCloseTo(10, 9);
  });
});
