import { describe, expect, it } from "vitest";
import { expiresAt, hasExpired } from "./card-expiry.ts";

describe("a card's expiry", () => {
  it("is the end of its month in UTC", () => {
    expect(expiresAt(11, 2026)).toEqual(new Date("2026-12-01T00:00:00Z"));
    expect(expiresAt(12, 2026)).toEqual(new Date("2027-01-01T00:00:00Z"));
  });

  it("lets the card be used through the last millisecond of its month", () => {
    expect(hasExpired(11, 2026, new Date("2026-11-30T23:59:59.999Z"))).toBe(false);
    expect(hasExpired(11, 2026, new Date("2026-12-01T00:00:00Z"))).toBe(true);
    expect(hasExpired(2, 2028, new Date("2028-02-29T12:00:00Z"))).toBe(false);
    expect(hasExpired(10, 2026, new Date("2026-11-01T00:00:00Z"))).toBe(true);
  });
});
