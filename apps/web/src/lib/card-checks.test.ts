import { describe, expect, it } from "vitest";
import { digitsOf, isExpired, parseExpiry, passesLuhn } from "./card-checks.ts";

describe("card checks", () => {
  it("accepts the test cards and rejects a one-digit typo", () => {
    expect(passesLuhn("4242424242424242")).toBe(true);
    expect(passesLuhn("4000000000000002")).toBe(true);
    expect(passesLuhn("378282246310005")).toBe(true);
    expect(passesLuhn("4242424242424241")).toBe(false);
    expect(passesLuhn("4242")).toBe(false);
    expect(passesLuhn(digitsOf("4242 4242-4242 4242"))).toBe(true);
  });

  it("reads MM/YY and MM/YYYY expiry dates and knows when they have passed", () => {
    expect(parseExpiry("04/29")).toEqual({ month: 4, year: 2029 });
    expect(parseExpiry(" 4 / 2031 ")).toEqual({ month: 4, year: 2031 });
    expect(parseExpiry("13/29")).toBeUndefined();
    expect(parseExpiry("april")).toBeUndefined();
    const now = new Date(2026, 10, 26);
    expect(isExpired({ month: 11, year: 2026 }, now)).toBe(false);
    expect(isExpired({ month: 10, year: 2026 }, now)).toBe(true);
    expect(isExpired({ month: 1, year: 2027 }, now)).toBe(false);
  });
});
