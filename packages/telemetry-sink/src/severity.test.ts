import { describe, expect, it } from "vitest";
import { severityLevelOf, severityNumberOf } from "./severity.ts";

describe("severity", () => {
  it("maps level names to OTLP severity numbers and back", () => {
    expect(severityNumberOf("TRACE")).toBe(1);
    expect(severityNumberOf("info")).toBe(9);
    expect(severityNumberOf("WARN3")).toBe(15);
    expect(severityNumberOf("SEVERITY_NUMBER_FATAL4")).toBe(24);
    expect(severityNumberOf("SEVERITY_NUMBER_UNSPECIFIED")).toBe(0);
    expect(severityNumberOf("LOUD")).toBeUndefined();
    expect(severityNumberOf("INFO5")).toBeUndefined();
    expect([0, 1, 8, 9, 17, 24, 25].map(severityLevelOf)).toEqual([
      "UNSPECIFIED",
      "TRACE",
      "DEBUG",
      "INFO",
      "ERROR",
      "FATAL",
      "UNSPECIFIED",
    ]);
  });
});
