import { describe, expect, it } from "vitest";
import { drawLatencyMs, LATENCY_CAP_FACTOR } from "./processor-latency.ts";

/** A reproducible uniform source (mulberry32), so the statistics below never flake. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe("the simulated processor's latency", () => {
  it("is zero when the median is zero (tests)", () => {
    expect(drawLatencyMs(0, () => 0.5)).toBe(0);
  });

  it("centres on the median with a long right tail, capped at ten times the median", () => {
    const random = seeded(42);
    const draws = Array.from({ length: 20_000 }, () => drawLatencyMs(120, random)).sort((a, b) => a - b);
    const at = (quantile: number) => draws[Math.floor(quantile * draws.length)] ?? Number.NaN;
    expect(at(0.5)).toBeGreaterThan(110);
    expect(at(0.5)).toBeLessThan(130);
    // Skewed: the slow tail is further from the median than the fast one.
    expect(at(0.99) - at(0.5)).toBeGreaterThan(2 * (at(0.5) - at(0.01)));
    expect(Math.min(...draws)).toBeGreaterThan(0);
    expect(Math.max(...draws)).toBeLessThanOrEqual(120 * LATENCY_CAP_FACTOR);
  });

  it("never exceeds the cap, even on the most extreme draw", () => {
    expect(drawLatencyMs(120, () => 0.999_999_999_999)).toBeLessThanOrEqual(1_200);
    expect(drawLatencyMs(120, () => 0)).toBeLessThanOrEqual(1_200);
  });
});
