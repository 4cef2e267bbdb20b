import { describe, expect, it } from "vitest";
import { chargeableKilos, shippingCostMinor } from "./rates.ts";
import type { ParcelToPrice } from "./rates.ts";

const standard = (parcel: Omit<ParcelToPrice, "method">) =>
  shippingCostMinor({ method: "STANDARD", ...parcel });
const express = (parcel: Omit<ParcelToPrice, "method">) =>
  shippingCostMinor({ method: "EXPRESS", ...parcel });

describe("chargeable weight", () => {
  it("is the started kilogram", () => {
    expect([1, 999, 1_000, 1_001, 2_000, 2_001, 150_000].map(chargeableKilos)).toEqual([
      1, 1, 1, 2, 2, 3, 150,
    ]);
  });
});

describe("standard shipping", () => {
  it("costs 5.99 for up to 2 kg, then 1.00 per started kilogram, times the zone's multiplier", () => {
    const subtotalMinor = 1_000;
    expect(standard({ zone: "domestic", totalGrams: 2_000, subtotalMinor })).toBe(599);
    expect(standard({ zone: "domestic", totalGrams: 2_001, subtotalMinor })).toBe(699);
    expect(standard({ zone: "domestic", totalGrams: 10_000, subtotalMinor })).toBe(1_399);
    // 599 × 1.8 = 1078.2 and 699 × 1.8 = 1258.2: whole cents.
    expect(standard({ zone: "north-america", totalGrams: 2_000, subtotalMinor })).toBe(1_078);
    expect(standard({ zone: "north-america", totalGrams: 2_001, subtotalMinor })).toBe(1_258);
    expect(standard({ zone: "international", totalGrams: 2_000, subtotalMinor })).toBe(1_797);
    expect(standard({ zone: "international", totalGrams: 2_001, subtotalMinor })).toBe(2_097);
  });

  it("is free inside the US from a 75.00 subtotal, and only there", () => {
    expect(standard({ zone: "domestic", totalGrams: 500, subtotalMinor: 7_500 })).toBe(0);
    expect(standard({ zone: "domestic", totalGrams: 40_000, subtotalMinor: 7_500 })).toBe(0);
    expect(standard({ zone: "domestic", totalGrams: 500, subtotalMinor: 7_499 })).toBe(599);
    expect(standard({ zone: "north-america", totalGrams: 500, subtotalMinor: 7_500 })).toBe(1_078);
    expect(standard({ zone: "international", totalGrams: 500, subtotalMinor: 100_000 })).toBe(1_797);
  });
});

describe("express shipping", () => {
  it("costs 14.99 for the first kilogram, then 1.75 per started kilogram, times the zone's multiplier", () => {
    const subtotalMinor = 1_000;
    expect(express({ zone: "domestic", totalGrams: 1_000, subtotalMinor })).toBe(1_499);
    expect(express({ zone: "domestic", totalGrams: 1_001, subtotalMinor })).toBe(1_674);
    expect(express({ zone: "domestic", totalGrams: 2_001, subtotalMinor })).toBe(1_849);
    // 1499 × 1.8 = 2698.2 and 1674 × 1.8 = 3013.2.
    expect(express({ zone: "north-america", totalGrams: 1_000, subtotalMinor })).toBe(2_698);
    expect(express({ zone: "north-america", totalGrams: 1_001, subtotalMinor })).toBe(3_013);
    expect(express({ zone: "international", totalGrams: 1_000, subtotalMinor })).toBe(4_497);
    expect(express({ zone: "international", totalGrams: 1_001, subtotalMinor })).toBe(5_022);
  });

  it("is never free, whatever the subtotal", () => {
    expect(express({ zone: "domestic", totalGrams: 500, subtotalMinor: 7_500 })).toBe(1_499);
    expect(express({ zone: "domestic", totalGrams: 500, subtotalMinor: 100_000_000 })).toBe(1_499);
  });

  it("prices the heaviest parcel", () => {
    expect(express({ zone: "international", totalGrams: 150_000, subtotalMinor: 0 })).toBe(
      (1_499 + 149 * 175) * 3,
    );
    expect(standard({ zone: "domestic", totalGrams: 150_000, subtotalMinor: 0 })).toBe(599 + 148 * 100);
  });
});
