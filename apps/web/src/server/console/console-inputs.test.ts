// Covers what the console's API accepts, and that refusals name the field and say why.
import { fieldErrorsOf } from "@shop/service-kit";
import { describe, expect, it } from "vitest";
import { botsInput, clearFlagInput, setFlagInput, startScenarioInput } from "./console-inputs.ts";

function fieldErrors(result: { success: boolean; error?: unknown }) {
  expect(result.success).toBe(false);
  return fieldErrorsOf(result.error) ?? {};
}

describe("startScenarioInput", () => {
  it("takes a known scenario and a time scale (1 by default)", () => {
    expect(startScenarioInput.parse({ name: "db-incident", timeScale: 50 })).toEqual({
      name: "db-incident",
      timeScale: 50,
    });
    expect(startScenarioInput.parse({ name: "normal-day" })).toEqual({ name: "normal-day", timeScale: 1 });
  });

  it("refuses unknown scenarios and time scales out of range, field by field", () => {
    expect(fieldErrors(startScenarioInput.safeParse({ name: "cyber-monday" })).name?.[0]).toContain(
      "name must be one of",
    );
    expect(
      fieldErrors(startScenarioInput.safeParse({ name: "flash-sale", timeScale: 0 })).timeScale?.[0],
    ).toContain("at least");
    expect(
      fieldErrors(startScenarioInput.safeParse({ name: "flash-sale", timeScale: "fast" })).timeScale,
    ).toBeDefined();
  });
});

describe("setFlagInput", () => {
  it("takes a flag with parameters its schema accepts", () => {
    expect(
      setFlagInput.parse({ key: "db.pool_exhaustion", params: { heldShare: 0.5, holdMs: 1000 } }),
    ).toEqual({
      key: "db.pool_exhaustion",
      params: { heldShare: 0.5, holdMs: 1000 },
    });
    expect(setFlagInput.parse({ key: "cache.disabled", params: true })).toEqual({
      key: "cache.disabled",
      params: true,
    });
  });

  it("reports the flag schema's own message under params.<field>", () => {
    const errors = fieldErrors(
      setFlagInput.safeParse({ key: "db.pool_exhaustion", params: { heldShare: 2, holdMs: 1000 } }),
    );
    expect(errors).toEqual({ "params.heldShare": ["heldShare must be at most 1"] });
    const service = fieldErrors(
      setFlagInput.safeParse({ key: "service.errors", params: { service: "mainframe", rate: 0.1 } }),
    );
    expect(service["params.service"]?.[0]).toContain("service must be one of");
  });

  it("refuses an unknown flag", () => {
    expect(fieldErrors(setFlagInput.safeParse({ key: "db.drop_tables", params: true })).key?.[0]).toContain(
      "key must be one of",
    );
    expect(fieldErrors(clearFlagInput.safeParse({ key: "nope" })).key).toBeDefined();
  });
});

describe("botsInput", () => {
  it("takes a rate from 0 to 10000 actions a minute", () => {
    expect(botsInput.parse({ perMinute: 0 })).toEqual({ perMinute: 0 });
    expect(botsInput.parse({ perMinute: 300 })).toEqual({ perMinute: 300 });
    expect(fieldErrors(botsInput.safeParse({ perMinute: -1 })).perMinute).toEqual([
      "perMinute must be at least 0",
    ]);
    expect(fieldErrors(botsInput.safeParse({ perMinute: 20_000 })).perMinute).toEqual([
      "perMinute must be at most 10000",
    ]);
    expect(fieldErrors(botsInput.safeParse({})).perMinute).toBeDefined();
  });
});
