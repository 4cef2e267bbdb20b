import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { FLAG_KEYS, isFlagKey, parseFlagParams } from "./definitions.ts";
import { parseFlagState } from "./flag-store.ts";

describe("flag definitions", () => {
  it("accepts each flag's documented parameters", () => {
    expect(parseFlagParams("db.missing_index", true)).toBe(true);
    expect(parseFlagParams("db.pool_exhaustion", { heldShare: 0.8, holdMs: 250 })).toEqual({
      heldShare: 0.8,
      holdMs: 250,
    });
    expect(parseFlagParams("service.errors", { service: "recommendations", rate: 0.5 })).toEqual({
      service: "recommendations",
      rate: 0.5,
    });
  });

  it("rejects bad parameters with a message naming the field", () => {
    expect(() => parseFlagParams("payment.degraded", { extraLatencyMs: 100, errorRate: 1.5 })).toThrow(
      /errorRate must be at most 1/,
    );
    expect(() => parseFlagParams("service.errors", { service: "billing", rate: 0.1 })).toThrow(ZodError);
    expect(() => parseFlagParams("db.missing_index", false)).toThrow(ZodError);
  });

  it("knows its keys", () => {
    expect(FLAG_KEYS).toContain("cache.disabled");
    expect(isFlagKey("cache.disabled")).toBe(true);
    expect(isFlagKey("toString")).toBe(false);
  });
});

describe("stored flag states", () => {
  const stored = (value: unknown, expiresAt: number) =>
    JSON.stringify({ value, setBy: "test", setAt: 1, expiresAt });

  it("reads a live lease", () => {
    expect(parseFlagState("cache.disabled", stored(true, 2_000), 1_000)).toMatchObject({
      key: "cache.disabled",
      value: true,
      setBy: "test",
    });
  });

  it("treats an expired lease, an unknown key, bad JSON or bad params as absent", () => {
    expect(parseFlagState("cache.disabled", stored(true, 1_000), 1_000)).toBeUndefined();
    expect(parseFlagState("cache.off", stored(true, 2_000), 1_000)).toBeUndefined();
    expect(parseFlagState("cache.disabled", "{", 1_000)).toBeUndefined();
    expect(parseFlagState("payment.degraded", stored({ errorRate: 2 }, 2_000), 1_000)).toBeUndefined();
  });
});
