import { describe, expect, it } from "vitest";
import { addBusinessDays } from "./business-days.ts";

// 2026-11-27 is a Friday.
const friday = new Date("2026-11-27T15:30:00Z");

describe("business days", () => {
  it("skip the weekend: a Friday plus one is the Monday, at the same time of day", () => {
    expect(addBusinessDays(friday, 1)).toEqual(new Date("2026-11-30T15:30:00Z"));
    expect(addBusinessDays(friday, 5)).toEqual(new Date("2026-12-04T15:30:00Z"));
    expect(addBusinessDays(friday, 12)).toEqual(new Date("2026-12-15T15:30:00Z"));
  });

  it("start counting on the Monday when asked on a weekend", () => {
    expect(addBusinessDays(new Date("2026-11-28T09:00:00Z"), 1)).toEqual(new Date("2026-11-30T09:00:00Z"));
    expect(addBusinessDays(new Date("2026-11-29T23:59:00Z"), 2)).toEqual(new Date("2026-12-01T23:59:00Z"));
  });

  it("run straight through a working week", () => {
    expect(addBusinessDays(new Date("2026-11-23T08:00:00Z"), 4)).toEqual(new Date("2026-11-27T08:00:00Z"));
  });

  it("count weekdays in UTC, whatever the time of day", () => {
    // Friday 23:30 UTC is already Saturday in Asia; it is still a Friday here.
    expect(addBusinessDays(new Date("2026-11-27T23:30:00Z"), 1)).toEqual(new Date("2026-11-30T23:30:00Z"));
  });
});
