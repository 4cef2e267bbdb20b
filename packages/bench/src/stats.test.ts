import { describe, expect, it } from "vitest";
import { mean, median, pairedRatio, percentile, percentiles } from "./stats.ts";

describe("percentile (nearest rank)", () => {
  const oneToTen = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

  it("takes the value at rank ceil(q * n), an observed value", () => {
    expect(percentile(oneToTen, 0.5)).toBe(5);
    expect(percentile(oneToTen, 0.95)).toBe(10);
    expect(percentile(oneToTen, 0.1)).toBe(1);
  });

  it("is NaN for no samples and the only value for one", () => {
    expect(percentile([], 0.5)).toBeNaN();
    expect(percentile([42], 0.99)).toBe(42);
  });

  it("sorts, and leaves out values that are not finite", () => {
    const values = [...Array.from({ length: 100 }, (_, i) => 100 - i), NaN, Infinity];
    expect(percentiles(values)).toEqual({ n: 100, p50: 50, p95: 95, p99: 99 });
  });
});

describe("averages", () => {
  it("mean and median of a few numbers", () => {
    expect(mean([1, 2, 6])).toBe(3);
    expect(mean([])).toBeNaN();
    expect(median([9, 1, 5])).toBe(5);
  });

  it("pairs rounds for the on/off ratio and takes the median ratio", () => {
    // One round disturbed (0.5) does not move the result.
    expect(pairedRatio([90, 50, 80], [100, 100, 100])).toBe(0.8);
    expect(pairedRatio([10, 20], [0, 40])).toBe(0.5);
  });
});
