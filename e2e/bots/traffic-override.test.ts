import { describe, expect, it } from "vitest";
import { describeOverride, pickHotProduct } from "./traffic-override.ts";

function sequence(...values: number[]) {
  return () => values.shift() ?? 0;
}

describe("a scenario's traffic override", () => {
  const sale = { perMinute: 300, hotProducts: ["kettle", "grinder"], hotShare: 0.6 };

  it("sends the hot share of new sessions to a hot product, the rest on their usual journeys", () => {
    expect(pickHotProduct(sale, sequence(0.1, 0.7))).toBe("grinder");
    expect(pickHotProduct(sale, sequence(0.59, 0))).toBe("kettle");
    expect(pickHotProduct(sale, sequence(0.6))).toBeUndefined();
    expect(pickHotProduct({ perMinute: 300 }, sequence(0))).toBeUndefined();
    expect(pickHotProduct({ perMinute: 300, hotProducts: ["kettle"] }, sequence(0))).toBeUndefined();
    expect(pickHotProduct(undefined, sequence(0))).toBeUndefined();
  });

  it("crowds onto them in about the asked share", () => {
    let seed = 42;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const hot = Array.from({ length: 2_000 }, () => pickHotProduct(sale, random)).filter(Boolean).length;
    expect(hot / 2_000).toBeGreaterThan(0.55);
    expect(hot / 2_000).toBeLessThan(0.65);
  });

  it("says what it does in one line", () => {
    expect(describeOverride(sale)).toBe(
      "scenario override 300 actions/min, 60% of sessions on kettle, grinder",
    );
  });
});
