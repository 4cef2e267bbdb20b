// The shop's shipping rates and transit times, as plain data and functions so that checkout,
// orders or a report can price a parcel exactly as a quote does. The prices must stay those the
// seed charged over its 90 days of history (`shippingCost` in
// packages/db/src/seed/order-history.ts): a rate change here without one there would make
// yesterday's orders look mispriced. seed-agreement.test.ts holds the two together.
import type { ShippingZone } from "./zones.ts";

export { COUNTRIES_BY_ZONE, SHIPPING_ZONES, zoneOf } from "./zones.ts";
export type { Country, ShippingZone } from "./zones.ts";

export const SHIPPING_METHODS = ["STANDARD", "EXPRESS"] as const;

export type ShippingMethod = (typeof SHIPPING_METHODS)[number];

export const CARRIER: Readonly<Record<ShippingMethod, string>> = {
  STANDARD: "Parcelway",
  EXPRESS: "Jetline Express",
};

/** Standard shipping inside the US is free from this subtotal on (inclusive). */
export const FREE_STANDARD_SHIPPING_FROM_MINOR = 7_500;

/** Past this a basket is freight, not a parcel. */
export const MAX_PARCEL_GRAMS = 150_000;

export const ZONE_MULTIPLIER: Readonly<Record<ShippingZone, number>> = {
  domestic: 1,
  "north-america": 1.8,
  international: 3,
};

export interface DayRange {
  min: number;
  max: number;
}

/** Business days in transit, by method and zone. */
export const TRANSIT_BUSINESS_DAYS: Readonly<
  Record<ShippingMethod, Readonly<Record<ShippingZone, DayRange>>>
> = {
  STANDARD: {
    domestic: { min: 3, max: 5 },
    "north-america": { min: 5, max: 8 },
    international: { min: 7, max: 12 },
  },
  EXPRESS: {
    domestic: { min: 1, max: 2 },
    "north-america": { min: 2, max: 3 },
    international: { min: 3, max: 5 },
  },
};

/** Carriers charge by the started kilogram. */
export function chargeableKilos(totalGrams: number): number {
  return Math.ceil(totalGrams / 1_000);
}

export interface ParcelToPrice {
  method: ShippingMethod;
  zone: ShippingZone;
  totalGrams: number;
  subtotalMinor: number;
}

/** What shipping a parcel costs, in USD minor units (whole cents). */
export function shippingCostMinor({ method, zone, totalGrams, subtotalMinor }: ParcelToPrice): number {
  const kilos = chargeableKilos(totalGrams);
  const multiplier = ZONE_MULTIPLIER[zone];
  if (method === "STANDARD") {
    if (zone === "domestic" && subtotalMinor >= FREE_STANDARD_SHIPPING_FROM_MINOR) return 0;
    // The first two kilograms are in the base price.
    return Math.round((599 + Math.max(0, kilos - 2) * 100) * multiplier);
  }
  // Express includes only the first kilogram.
  return Math.round((1_499 + Math.max(0, kilos - 1) * 175) * multiplier);
}
