// The CI-sized chaos run: three services killed, Redis and PostgreSQL restarted, a slow database,
// shoppers buying throughout. Asserted: nothing lost, nothing duplicated, nothing oversold, every
// fault recovered from, carts kept across the Redis restart, and load shed with 503 + Retry-After
// under the slow database. The figures themselves are reported, never asserted.
import { describe, expect, it } from "vitest";
import { QUICK_PLAN, runChaos } from "./chaos-run.ts";
import { chaosMarkdown } from "./chaos-report.ts";

describe("chaos (CI-sized)", () => {
  it("survives every fault of the quick plan with nothing lost", async () => {
    const report = await runChaos(QUICK_PLAN, (line) => {
      console.log(`[chaos] ${line}`);
    });
    console.log(chaosMarkdown(report));

    expect(report.faults.map((fault) => [fault.fault, fault.recoveryMs !== undefined])).toEqual(
      report.faults.map((fault) => [fault.fault, true]),
    );
    expect(report.invariants.acknowledged).toBeGreaterThan(0);
    expect(report.invariants).toMatchObject({
      lost: [],
      duplicated: [],
      chargedWithoutOrder: 0,
      oversold: [],
      stuckReservations: 0,
      reservedMismatch: [],
    });
    expect(report.cartsSurvivedRedisRestart).toBe(true);
    expect(report.slowDatabase?.shed503).toBeGreaterThan(0);
    expect(report.slowDatabase?.shedWithRetryAfter).toBe(report.slowDatabase?.shed503);
  });
});
