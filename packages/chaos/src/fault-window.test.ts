import { describe, expect, it } from "vitest";
import { faultWindow } from "./fault-window.ts";

const ok = (at: number) => ({ at, ok: true, endToEnd: true });
const browsed = (at: number) => ({ at, ok: true });
const failed = (at: number) => ({ at, ok: false });

describe("faultWindow", () => {
  it("measures the burst of errors and the time to a settled run of successes", () => {
    const outcomes = [
      ok(900),
      failed(1_100),
      failed(1_300),
      ok(1_400),
      failed(1_600),
      ok(1_800),
      ok(1_900),
      ok(2_000),
    ];
    expect(faultWindow(outcomes, 1_000, 3)).toEqual({
      failures: 3,
      requests: 4,
      errorBurstMs: 500,
      recoveryMs: 800,
    });
  });

  it("needs a completed purchase in the run of successes", () => {
    const outcomes = [failed(100), browsed(200), browsed(300), browsed(400), ok(500), ok(600)];
    expect(faultWindow(outcomes, 0, 3).recoveryMs).toBe(200);
    expect(faultWindow([browsed(200), browsed(300), browsed(400)], 0, 3).recoveryMs).toBeUndefined();
  });

  it("reports no recovery when successes never settle", () => {
    expect(faultWindow([failed(10), ok(20), failed(30)], 0, 2).recoveryMs).toBeUndefined();
  });

  it("sees a fault nobody noticed as recovered at once", () => {
    expect(faultWindow([ok(10), ok(20)], 5, 2)).toEqual({
      failures: 0,
      requests: 0,
      errorBurstMs: 0,
      recoveryMs: 5,
    });
  });
});
