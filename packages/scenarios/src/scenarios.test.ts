import { FLAG_DEFINITIONS } from "@shop/flags";
import { describe, expect, it } from "vitest";
import { SCENARIO_NAMES } from "./scenario-types.ts";
import { SCENARIOS } from "./scenarios.ts";
import { flagsAt, scenarioProblems, trafficAt } from "./timeline.ts";

describe("the scenarios", () => {
  it.each(SCENARIO_NAMES)("%s is well formed and named for its key", (name) => {
    expect(SCENARIOS[name].name).toBe(name);
    expect(scenarioProblems(SCENARIOS[name])).toEqual([]);
  });

  it.each(SCENARIO_NAMES)("%s wants only flags that parse, at every second of its timeline", (name) => {
    const scenario = SCENARIOS[name];
    for (let t = 0; t < scenario.durationSeconds; t += 1) {
      for (const [key, value] of Object.entries(flagsAt(scenario, t))) {
        expect(FLAG_DEFINITIONS[key as keyof typeof FLAG_DEFINITIONS].schema.safeParse(value).success).toBe(
          true,
        );
      }
    }
  });

  it.each(SCENARIO_NAMES)("%s ends with every failure flag off", (name) => {
    const scenario = SCENARIOS[name];
    const wanted = flagsAt(scenario, scenario.durationSeconds - 1);
    expect(Object.keys(wanted).filter((key) => key !== "bots.traffic")).toEqual([]);
    expect(wanted["bots.traffic"]?.hotProducts).toBeUndefined();
  });

  it("a normal day stays between 30 and 60 actions a minute with no failure", () => {
    const day = SCENARIOS["normal-day"];
    for (let t = 0; t < day.durationSeconds; t += 5) {
      const rate = trafficAt(day, t)?.perMinute ?? 0;
      expect(rate).toBeGreaterThanOrEqual(30);
      expect(rate).toBeLessThanOrEqual(60);
      expect(Object.keys(flagsAt(day, t))).toEqual(["bots.traffic"]);
    }
  });

  it("a flash sale ramps from 30 to 300 onto hot products, and comes back", () => {
    const sale = SCENARIOS["flash-sale"];
    const rates = Array.from({ length: sale.durationSeconds }, (_, t) => trafficAt(sale, t)?.perMinute ?? 0);
    expect(rates[0]).toBe(30);
    expect(Math.max(...rates)).toBe(300);
    expect(rates.at(-1)).toBe(30);
    expect(sale.steps.some((step) => (step.traffic?.hotProducts?.length ?? 0) > 0)).toBe(true);
    expect(sale.durationSeconds).toBeGreaterThanOrEqual(15 * 60);
    expect(sale.durationSeconds).toBeLessThanOrEqual(25 * 60);
  });

  it("black friday degrades the database in order (index, pool, row locks), then fixes it", () => {
    const friday = SCENARIOS["black-friday"];
    const firstAt = (key: string) => friday.steps.findIndex((step) => key in step.flags);
    expect(firstAt("db.missing_index")).toBeGreaterThan(0);
    expect(firstAt("db.pool_exhaustion")).toBeGreaterThan(firstAt("db.missing_index"));
    const held = friday.steps.map((step) => step.flags["db.pool_exhaustion"]?.heldShare ?? 0);
    const worst = held.indexOf(Math.max(...held));
    expect(held.slice(firstAt("db.pool_exhaustion"), worst + 1)).toEqual(
      [...held.slice(firstAt("db.pool_exhaustion"), worst + 1)].sort((a, b) => a - b),
    );
    // The flow alert's order: shedding fails checkouts first (pool saturated), then contended
    // inventory rows slow down the checkouts that get through, while the pool stays saturated.
    const contended = firstAt("inventory.contention");
    expect(contended).toBeGreaterThan(firstAt("db.pool_exhaustion"));
    expect(friday.steps[contended]?.flags["db.pool_exhaustion"]).toBeTruthy();
    expect(friday.durationSeconds).toBeLessThanOrEqual(25 * 60);
    // A tenfold rehearsal must fit in a few minutes.
    expect(friday.durationSeconds / 10).toBeLessThanOrEqual(180);
  });
});
