// The fleet's target under a scenario's override, without a browser: the runner is never started.
import { afterEach, describe, expect, it, vi } from "vitest";
import { FleetMetrics } from "./fleet-metrics.ts";
import { FleetRunner } from "./fleet-runner.ts";
import { DEFAULT_JOURNEY_WEIGHTS, DEFAULT_PERSONA_WEIGHTS } from "./personas.ts";
import type { TrafficShape } from "./traffic-shapes.ts";

afterEach(() => {
  vi.useRealTimers();
});

function fleet(shape: TrafficShape = { kind: "steady", perMinute: 30 }) {
  const lines: string[] = [];
  const runner = new FleetRunner({
    baseUrl: "http://127.0.0.1:1",
    shape,
    maxSessions: 4,
    journeyWeights: DEFAULT_JOURNEY_WEIGHTS,
    personaWeights: DEFAULT_PERSONA_WEIGHTS,
    thinkScale: 1,
    metrics: new FleetMetrics(),
    log: (_level, message) => lines.push(message),
  });
  return { runner, lines };
}

describe("a scenario's override of the fleet", () => {
  it("replaces the fleet's target while set and gives its own shape back when cleared", () => {
    const { runner, lines } = fleet();
    expect(runner.targetPerMinute()).toBe(30);
    runner.setTrafficOverride({ perMinute: 240, hotProducts: ["kettle"], hotShare: 0.5 });
    expect(runner.targetPerMinute()).toBe(240);
    expect(runner.trafficOverride).toEqual({ perMinute: 240, hotProducts: ["kettle"], hotShare: 0.5 });
    // The control endpoint changes the fleet's own shape; the override keeps the wheel meanwhile.
    runner.setShape({ kind: "steady", perMinute: 45 });
    expect(runner.targetPerMinute()).toBe(240);
    expect(runner.baseShape).toEqual({ kind: "steady", perMinute: 45 });
    runner.setTrafficOverride(undefined);
    expect(runner.targetPerMinute()).toBe(45);
    expect(runner.trafficOverride).toBeUndefined();
    expect(lines).toContain("scenario override cleared: back to steady 45 actions/min");
  });

  it("takes a repeated value (a lease renewal) as no change", () => {
    const { runner, lines } = fleet();
    runner.setTrafficOverride({ perMinute: 100 });
    runner.setTrafficOverride({ perMinute: 100 });
    expect(lines.filter((line) => line.startsWith("scenario override"))).toHaveLength(1);
  });

  it("resumes its own shape where it would be had the scenario never interrupted it", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(0);
    const { runner } = fleet({ kind: "ramp", from: 0, to: 600, durationSeconds: 600 });
    vi.setSystemTime(100_000);
    expect(runner.targetPerMinute()).toBe(100);
    runner.setTrafficOverride({ perMinute: 20 });
    vi.setSystemTime(300_000);
    expect(runner.targetPerMinute()).toBe(20);
    runner.setTrafficOverride(undefined);
    expect(runner.targetPerMinute()).toBe(300);
  });
});
