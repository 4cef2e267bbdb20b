import { describe, expect, it } from "vitest";
import { fleetGauges } from "./fleet-gauges.ts";
import { FleetMetrics } from "./fleet-metrics.ts";

describe("the fleet's live gauges", () => {
  it("carry target, achieved rate, concurrency, failures and busy answers as numbers", () => {
    let now = 1_000_000;
    const metrics = new FleetMetrics({ now: () => now });
    metrics.setTarget(120);
    metrics.setConcurrency(4);
    metrics.sessionStarted("purchase", "decisive_buyer");
    metrics.sessionStarted("browse", "window_shopper");
    metrics.sessionEnded("purchase", "decisive_buyer", "failed");
    metrics.error("busy");
    metrics.error("busy");
    metrics.error("http_5xx");
    now += 30_000;
    for (let i = 0; i < 30; i++) metrics.action("browse", "land", 100);
    const gauges = fleetGauges(metrics.stats(), true);
    expect(gauges).toMatchObject({
      targetPerMinute: 120,
      concurrency: 4,
      sessionsStarted: 2,
      sessionsFailed: 1,
      errors: 3,
      busy: 2,
      overrideActive: 1,
    });
    expect(gauges.achievedPerMinute).toBeGreaterThan(0);
    expect(Object.values(gauges).every((value) => Number.isFinite(value))).toBe(true);
    expect(fleetGauges(new FleetMetrics().stats(), false)).toMatchObject({
      busy: 0,
      overrideActive: 0,
      errors: 0,
    });
  });
});
