import { describe, expect, it } from "vitest";
import {
  bucketsOf,
  checkoutErrorRate,
  histogramQuantile,
  perMinute,
  poolUtilization,
  revenueVsHourBefore,
} from "./alert-signals.ts";

describe("checkoutErrorRate", () => {
  it("counts only outcome error as failed, over every attempt", () => {
    expect(checkoutErrorRate({ success: 80, declined: 10, invalid: 5, error: 5 })).toBe(0.05);
    expect(checkoutErrorRate({ success: 3 })).toBe(0);
    expect(checkoutErrorRate({})).toBeNull();
  });
});

describe("histogramQuantile", () => {
  it("interpolates inside the bucket like PromQL", () => {
    // 100 observations: 50 under 0.1 s, 40 more under 0.5 s, 10 more under 1 s.
    const buckets = [
      { le: 0.1, count: 50 },
      { le: 0.5, count: 90 },
      { le: 1, count: 100 },
      { le: Number.POSITIVE_INFINITY, count: 100 },
    ];
    expect(histogramQuantile(0.5, buckets)).toBeCloseTo(0.1);
    expect(histogramQuantile(0.95, buckets)).toBeCloseTo(0.75);
    expect(histogramQuantile(0.7, buckets)).toBeCloseTo(0.3);
  });

  it("answers the highest finite bound when the rank is in +Inf, and null without data", () => {
    const buckets = [
      { le: 1, count: 1 },
      { le: Number.POSITIVE_INFINITY, count: 10 },
    ];
    expect(histogramQuantile(0.95, buckets)).toBe(1);
    expect(histogramQuantile(0.95, [{ le: Number.POSITIVE_INFINITY, count: 0 }])).toBeNull();
  });

  it("bucketsOf builds cumulative buckets from raw durations", () => {
    expect(bucketsOf([0.05, 0.2, 0.2, 3], [0.1, 0.5, 1])).toEqual([
      { le: 0.1, count: 1 },
      { le: 0.5, count: 3 },
      { le: 1, count: 3 },
      { le: Number.POSITIVE_INFINITY, count: 4 },
    ]);
  });
});

describe("rates and ratios", () => {
  it("perMinute scales an increase to a minute", () => {
    expect(perMinute(30, 30_000)).toBe(60);
    expect(() => perMinute(1, 0)).toThrow(/windowMs/);
  });

  it("poolUtilization is the busiest service's share in use, not the share over all services", () => {
    const catalogFull = {
      catalog: { used: 10, max: 10 },
      orders: { used: 1, max: 10 },
      payment: { used: 0, max: 10 },
    };
    expect(poolUtilization(catalogFull)).toBe(1);
    expect(poolUtilization({ catalog: { used: 7, max: 10 }, recommendations: { used: 1, max: 2 } })).toBe(
      0.7,
    );
  });

  it("poolUtilization leaves out services without a pool size, and has no data without any", () => {
    // A pool that ended reports max 0 while its last `used` may still say 1.
    expect(poolUtilization({ catalog: { used: 2, max: 10 }, ended: { used: 1, max: 0 } })).toBe(0.2);
    expect(poolUtilization({ ended: { used: 1, max: 0 } })).toBeNull();
    expect(poolUtilization({})).toBeNull();
  });

  it("revenueVsHourBefore has nothing to compare without revenue an hour ago", () => {
    expect(revenueVsHourBefore(40, 100)).toBe(0.4);
    expect(revenueVsHourBefore(40, 0)).toBeNull();
  });
});
