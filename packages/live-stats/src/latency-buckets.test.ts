import { describe, expect, it } from "vitest";
import { LATENCY_BOUNDS_MS, bucketOf, quantileOf } from "./latency-buckets.ts";

describe("latency buckets", () => {
  it("puts a duration in the first bucket whose bound holds it", () => {
    expect(bucketOf(0)).toBe(0);
    expect(bucketOf(5)).toBe(0);
    expect(bucketOf(5.1)).toBe(1);
    expect(bucketOf(240)).toBe(LATENCY_BOUNDS_MS.indexOf(250));
    expect(bucketOf(60_000)).toBe(LATENCY_BOUNDS_MS.length);
  });

  it("reads a quantile as its bucket's upper bound", () => {
    const counts = Array.from({ length: LATENCY_BOUNDS_MS.length + 1 }, () => 0);
    counts[bucketOf(20)] = 90;
    counts[bucketOf(400)] = 10;
    expect(quantileOf(counts, 0.5)).toBe(25);
    expect(quantileOf(counts, 0.9)).toBe(25);
    expect(quantileOf(counts, 0.95)).toBe(500);
  });

  it("has no quantile without requests, and caps the slowest bucket at the last bound", () => {
    const counts = Array.from({ length: LATENCY_BOUNDS_MS.length + 1 }, () => 0);
    expect(quantileOf(counts, 0.95)).toBeUndefined();
    counts[LATENCY_BOUNDS_MS.length] = 3;
    expect(quantileOf(counts, 0.95)).toBe(10_000);
  });
});
