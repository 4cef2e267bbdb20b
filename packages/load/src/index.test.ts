import { describe, expect, it } from "vitest";
import { percentile, runLoad } from "./index.ts";

describe("runLoad", () => {
  it("keeps the requested number of workers busy for the duration and counts failures", async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const result = await runLoad({
      concurrency: 4,
      durationMs: 200,
      request: async (_worker, iteration) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight--;
        return iteration % 2 === 0;
      },
    });
    expect(maxInFlight).toBe(4);
    expect(result.requests).toBeGreaterThan(20);
    expect(result.failures).toBeGreaterThan(0);
    expect(result.failures).toBeLessThan(result.requests);
    expect(result.p50).toBeGreaterThanOrEqual(4);
  });

  it("reads percentiles from sorted samples", () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(samples, 0.5)).toBe(51);
    expect(percentile(samples, 0.95)).toBe(96);
    expect(percentile([], 0.5)).toBe(0);
  });
});
