// The shipping rules behind the procedures: which zone a destination is in, whether the shop
// ships there at all, and what each method costs and when it arrives. No database: rates and
// zones are code (rates.ts, zones.ts), so a quote is pure apart from the clock it is given.
import { addBusinessDays } from "./business-days.ts";
import { invalidField } from "./invalid-field.ts";
import {
  CARRIER,
  MAX_PARCEL_GRAMS,
  SHIPPING_METHODS,
  shippingCostMinor,
  TRANSIT_BUSINESS_DAYS,
} from "./rates.ts";
import type { DayRange, ShippingMethod } from "./rates.ts";
import { COUNTRIES_BY_ZONE, SHIPPING_ZONES, zoneOf } from "./zones.ts";
import type { Country, ShippingZone } from "./zones.ts";

export interface Parcel {
  weightGrams: number;
  quantity: number;
}

export interface QuoteRequest {
  items: Parcel[];
  subtotalMinor: number;
  currency: "USD";
  destination: { country: string; postalCode: string };
}

export interface ShippingOption {
  method: ShippingMethod;
  carrier: string;
  costMinor: number;
  currency: "USD";
  estimatedDays: DayRange;
  /** The latest expected delivery: `estimatedDays.max` business days from the quote. */
  estimatedDeliveryAt: Date;
}

export interface ShippingQuote {
  zone: ShippingZone;
  /** Cheapest first. */
  options: ShippingOption[];
}

export interface ZoneCountries {
  zone: ShippingZone;
  countries: Country[];
}

export interface ShippingServiceDeps {
  now: () => Date;
}

export function createShippingService({ now }: ShippingServiceDeps) {
  return {
    quote({ items, subtotalMinor, currency, destination }: QuoteRequest): ShippingQuote {
      const zone = zoneOf(destination.country);
      if (!zone) {
        throw invalidField(["destination", "country"], `we do not ship to ${destination.country} yet`, {
          country: destination.country,
        });
      }
      const totalGrams = items.reduce((sum, item) => sum + item.weightGrams * item.quantity, 0);
      if (totalGrams > MAX_PARCEL_GRAMS) {
        throw invalidField(
          ["items"],
          `${String(totalGrams / 1_000)} kg is too heavy for parcel shipping (at most ${String(MAX_PARCEL_GRAMS / 1_000)} kg)`,
          { totalGrams, maxGrams: MAX_PARCEL_GRAMS },
        );
      }
      const quotedAt = now();
      const options = SHIPPING_METHODS.map((method): ShippingOption => {
        const estimatedDays = TRANSIT_BUSINESS_DAYS[method][zone];
        return {
          method,
          carrier: CARRIER[method],
          costMinor: shippingCostMinor({ method, zone, totalGrams, subtotalMinor }),
          currency,
          estimatedDays: { ...estimatedDays },
          estimatedDeliveryAt: addBusinessDays(quotedAt, estimatedDays.max),
        };
      });
      // At equal cost (free express never happens today, but a promotion could) the faster first.
      options.sort((a, b) => a.costMinor - b.costMinor || a.estimatedDays.max - b.estimatedDays.max);
      return { zone, options };
    },

    zones(): ZoneCountries[] {
      return SHIPPING_ZONES.map((zone) => ({
        zone,
        countries: COUNTRIES_BY_ZONE[zone].map((country) => ({ ...country })),
      }));
    },
  };
}

export type ShippingService = ReturnType<typeof createShippingService>;
