import { DomainError } from "@shop/service-kit";
import { describe, expect, it } from "vitest";
import { createShippingService } from "./shipping-service.ts";
import type { QuoteRequest } from "./shipping-service.ts";

// A Friday afternoon: every estimate crosses a weekend.
const friday = new Date("2026-11-27T15:30:00Z");
const service = createShippingService({ now: () => friday });

const request = (overrides: Partial<QuoteRequest> = {}): QuoteRequest => ({
  items: [{ weightGrams: 800, quantity: 2 }],
  subtotalMinor: 4_200,
  currency: "USD",
  destination: { country: "US", postalCode: "94105" },
  ...overrides,
});

describe("a quote", () => {
  it("offers standard then express, with carriers, transit days and delivery dates past the weekend", () => {
    expect(service.quote(request())).toEqual({
      zone: "domestic",
      options: [
        {
          method: "STANDARD",
          carrier: "Parcelway",
          costMinor: 599,
          currency: "USD",
          estimatedDays: { min: 3, max: 5 },
          estimatedDeliveryAt: new Date("2026-12-04T15:30:00Z"),
        },
        {
          method: "EXPRESS",
          carrier: "Jetline Express",
          costMinor: 1_674,
          currency: "USD",
          estimatedDays: { min: 1, max: 2 },
          estimatedDeliveryAt: new Date("2026-12-01T15:30:00Z"),
        },
      ],
    });
  });

  it("prices by the zone of the destination", () => {
    const zoneAndCosts = (country: string, postalCode: string) => {
      const quote = service.quote(request({ destination: { country, postalCode } }));
      return [quote.zone, ...quote.options.map((option) => option.costMinor)];
    };
    expect(zoneAndCosts("CA", "M5V 2T6")).toEqual(["north-america", 1_078, 3_013]);
    expect(zoneAndCosts("MX", "06400")).toEqual(["north-america", 1_078, 3_013]);
    expect(zoneAndCosts("JP", "100-0001")).toEqual(["international", 1_797, 5_022]);
  });

  it("gives international transit times in business days", () => {
    const quote = service.quote(request({ destination: { country: "GB", postalCode: "SW1A 1AA" } }));
    expect(quote.options.map((option) => [option.estimatedDays, option.estimatedDeliveryAt])).toEqual([
      [{ min: 7, max: 12 }, new Date("2026-12-15T15:30:00Z")],
      [{ min: 3, max: 5 }, new Date("2026-12-04T15:30:00Z")],
    ]);
  });

  it("weighs every unit of every item", () => {
    const quote = service.quote(
      request({
        items: [
          { weightGrams: 1_000, quantity: 1 },
          { weightGrams: 500, quantity: 3 },
        ],
      }),
    );
    // 2.5 kg: the third kilogram is charged.
    expect(quote.options.map((option) => option.costMinor)).toEqual([699, 1_849]);
  });

  it("refuses a country the shop does not ship to, naming the field", () => {
    const refusal = catchError(() =>
      service.quote(request({ destination: { country: "BR", postalCode: "01310-100" } })),
    );
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({
      domainCode: "INVALID_INPUT",
      code: "BAD_REQUEST",
      message: "we do not ship to BR yet",
      details: { country: "BR" },
      cause: { issues: [{ path: ["destination", "country"], message: "we do not ship to BR yet" }] },
    });
  });

  it("refuses a basket over 150 kg, and takes one of exactly 150 kg", () => {
    expect(
      service.quote(
        request({
          items: [
            { weightGrams: 100_000, quantity: 1 },
            { weightGrams: 50_000, quantity: 1 },
          ],
        }),
      ).zone,
    ).toBe("domestic");
    const refusal = catchError(() =>
      service.quote(request({ items: [{ weightGrams: 50_001, quantity: 3 }] })),
    );
    expect(refusal).toMatchObject({
      domainCode: "INVALID_INPUT",
      message: "150.003 kg is too heavy for parcel shipping (at most 150 kg)",
      details: { totalGrams: 150_003, maxGrams: 150_000 },
      cause: { issues: [{ path: ["items"] }] },
    });
  });
});

describe("the zones", () => {
  it("list every country the shop ships to, once, by zone", () => {
    const zones = service.zones();
    expect(zones.map((zone) => zone.zone)).toEqual(["domestic", "north-america", "international"]);
    expect(zones[0]?.countries).toEqual([{ code: "US", name: "United States" }]);
    const codes = zones.flatMap((zone) => zone.countries.map((country) => country.code));
    expect(codes).toHaveLength(15);
    expect(new Set(codes).size).toBe(codes.length);
  });
});

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}
