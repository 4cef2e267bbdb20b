import { describe, expect, it } from "vitest";
import type { Scenario } from "./scenario-types.ts";
import { elapsedSeconds, flagsAt, scenarioProblems, stepIndexAt, trafficAt } from "./timeline.ts";

const sample: Scenario = {
  name: "flash-sale",
  title: "Sample",
  summary: "A small timeline for the arithmetic.",
  durationSeconds: 400,
  steps: [
    { atSeconds: 0, narrative: "calm", look: "apm", traffic: { perMinute: 30 }, flags: {} },
    {
      atSeconds: 100,
      narrative: "ramp",
      look: "apm",
      traffic: { rampTo: 330, hotProducts: ["a"], hotShare: 0.5 },
      flags: { "cache.disabled": true },
    },
    { atSeconds: 200, narrative: "down", look: "apm", traffic: { rampTo: 30 }, flags: {} },
    { atSeconds: 300, narrative: "own shape", look: "apm", flags: {} },
  ],
};

describe("the timeline", () => {
  it("scales elapsed time and never goes below zero", () => {
    expect(elapsedSeconds(1_000, 1, 11_000)).toBe(10);
    expect(elapsedSeconds(1_000, 10, 11_000)).toBe(100);
    expect(elapsedSeconds(11_000, 10, 1_000)).toBe(0);
  });

  it("finds the step in force at any moment", () => {
    expect([0, 99.9, 100, 250, 399, 1_000].map((t) => stepIndexAt(sample, t))).toEqual([0, 0, 1, 2, 3, 3]);
  });

  it("ramps linearly from the previous step's rate to the target by the step's end", () => {
    expect(trafficAt(sample, 50)).toEqual({ perMinute: 30 });
    expect(trafficAt(sample, 100)).toEqual({ perMinute: 30, hotProducts: ["a"], hotShare: 0.5 });
    expect(trafficAt(sample, 150)?.perMinute).toBe(180);
    expect(trafficAt(sample, 199)?.perMinute).toBe(327);
    // The ramp down starts where the ramp up ended.
    expect(trafficAt(sample, 200)?.perMinute).toBe(330);
    expect(trafficAt(sample, 250)?.perMinute).toBe(180);
    expect(trafficAt(sample, 350)).toBeUndefined();
  });

  it("wants the step's flags and the traffic, and nothing else", () => {
    expect(flagsAt(sample, 150)).toEqual({
      "cache.disabled": true,
      "bots.traffic": { perMinute: 180, hotProducts: ["a"], hotShare: 0.5 },
    });
    expect(flagsAt(sample, 350)).toEqual({});
  });

  it("is well formed, and says what is wrong when it is not", () => {
    expect(scenarioProblems(sample)).toEqual([]);
    const broken: Scenario = {
      ...sample,
      steps: [
        { atSeconds: 5, narrative: "x", look: "y", traffic: { rampTo: 50 }, flags: {} },
        {
          atSeconds: 2,
          narrative: "x",
          look: "y",
          flags: { "payment.degraded": { extraLatencyMs: -1, errorRate: 2 } },
        },
        {
          atSeconds: 500,
          narrative: "",
          look: "y",
          traffic: { perMinute: 20_000, hotProducts: ["a"] },
          flags: { "cache.disabled": true },
        },
      ],
    };
    const problems = scenarioProblems(broken).join("\n");
    expect(problems).toContain("the first step must start at 0");
    expect(problems).toContain("a ramp needs a rate to start from");
    expect(problems).toContain("steps must be in time order");
    expect(problems).toContain("extraLatencyMs must be at least 0 ms");
    expect(problems).toContain("errorRate must be at most 1");
    expect(problems).toContain("starts after the scenario ends");
    expect(problems).toContain("needs a narrative and a look");
    expect(problems).toContain("the last step must turn every flag off");
    expect(problems).toContain("the last step must not crowd hot products");
    expect(problems).toMatch(/traffic: .*10000/);
  });
});
