// Quotes and zones through the real HTTP server and the typed client other services use, with a
// fixed clock so that delivery dates are dates the tests can name.
import { createServiceClient, startServiceServer } from "@shop/service-kit";
import type { ServiceErrorShape, ServiceServer } from "@shop/service-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createShippingRouter } from "./router.ts";
import type { ShippingRouter } from "./router.ts";

// A Friday afternoon: every estimate crosses a weekend.
const friday = new Date("2026-11-27T15:30:00Z");

let server: ServiceServer;
let client: ReturnType<typeof createServiceClient<ShippingRouter>>;

beforeAll(async () => {
  server = await startServiceServer({
    name: "shipping",
    router: createShippingRouter({ now: () => friday }),
    port: 0,
  });
  client = createServiceClient<ShippingRouter>({ service: "shipping", url: server.url, timeoutMs: 10_000 });
});

afterAll(async () => {
  await server.stop();
});

type QuoteInput = Parameters<typeof client.quote.query>[0];

const basket = (overrides: Partial<QuoteInput> = {}): QuoteInput => ({
  items: [
    { weightGrams: 1_200, quantity: 1 },
    { weightGrams: 400, quantity: 2 },
  ],
  subtotalMinor: 7_500,
  currency: "USD",
  destination: { country: "US", postalCode: "94105-1234" },
  ...overrides,
});

describe("quote", () => {
  it("ships a US basket of 75.00 standard for free, cheapest first, with dates that survive the wire", async () => {
    expect(await client.quote.query(basket())).toEqual({
      zone: "domestic",
      options: [
        {
          method: "STANDARD",
          carrier: "Parcelway",
          costMinor: 0,
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

  it("charges a cent under the threshold", async () => {
    const quote = await client.quote.query(basket({ subtotalMinor: 7_499 }));
    expect(quote.options.map((option) => [option.method, option.costMinor])).toEqual([
      ["STANDARD", 599],
      ["EXPRESS", 1_674],
    ]);
  });

  it("prices Canada and Europe by their zones", async () => {
    const canada = await client.quote.query(
      basket({ destination: { country: "CA", postalCode: "K1A 0B1" } }),
    );
    expect(canada.zone).toBe("north-america");
    expect(canada.options.map((option) => option.costMinor)).toEqual([1_078, 3_013]);

    const ireland = await client.quote.query(
      basket({
        items: [{ weightGrams: 2_001, quantity: 1 }],
        destination: { country: "IE", postalCode: "D02 X285" },
      }),
    );
    expect(ireland.zone).toBe("international");
    expect(ireland.options.map((option) => [option.costMinor, option.estimatedDeliveryAt])).toEqual([
      [2_097, new Date("2026-12-15T15:30:00Z")],
      [(1_499 + 2 * 175) * 3, new Date("2026-12-04T15:30:00Z")],
    ]);
  });

  it("is a query: a plain GET answers it", async () => {
    const input = encodeURIComponent(JSON.stringify({ json: basket() }));
    const response = await fetch(`${server.url}/quote?input=${input}`);
    expect(response.status).toBe(200);
  });

  it("refuses a country the shop does not ship to with 400, naming destination.country", async () => {
    await expect(
      client.quote.query(basket({ destination: { country: "BR", postalCode: "01310-100" } })),
    ).rejects.toMatchObject({
      data: {
        httpStatus: 400,
        domainCode: "INVALID_INPUT",
        fieldErrors: { "destination.country": ["we do not ship to BR yet"] },
      },
    });
  });

  it("refuses a postal code that is not one of the country's, and a basket over 150 kg", async () => {
    await expect(
      client.quote.query(basket({ destination: { country: "GB", postalCode: "12345" } })),
    ).rejects.toMatchObject({
      data: {
        httpStatus: 400,
        fieldErrors: { "destination.postalCode": ["is not a postal code of GB: expected one like SW1A 1AA"] },
      },
    });
    await expect(
      client.quote.query(basket({ items: [{ weightGrams: 100_000, quantity: 2 }] })),
    ).rejects.toMatchObject({
      data: {
        httpStatus: 400,
        domainCode: "INVALID_INPUT",
        fieldErrors: { items: ["200 kg is too heavy for parcel shipping (at most 150 kg)"] },
      },
    });
  });

  it("says on the wire what the client reads: 400, BAD_REQUEST, the message per field", async () => {
    const input = encodeURIComponent(
      JSON.stringify({ json: basket({ destination: { country: "ZZ", postalCode: "0000" } }) }),
    );
    const response = await fetch(`${server.url}/quote?input=${input}`);
    const body = (await response.json()) as { error: { json: ServiceErrorShape } };
    expect(response.status).toBe(400);
    expect(body.error.json).toMatchObject({
      message: "Invalid input",
      data: {
        code: "BAD_REQUEST",
        expected: false,
        details: { country: "ZZ" },
        fieldErrors: { "destination.country": ["we do not ship to ZZ yet"] },
      },
    });
  });
});

describe("zones", () => {
  it("lists the countries of each zone for the storefront's country select", async () => {
    const zones = await client.zones.query();
    expect(zones.map((zone) => [zone.zone, zone.countries.map((country) => country.code)])).toEqual([
      ["domestic", ["US"]],
      ["north-america", ["CA", "MX"]],
      ["international", ["GB", "DE", "FR", "NL", "IE", "ES", "IT", "SE", "DK", "AU", "NZ", "JP"]],
    ]);
    expect(zones[1]?.countries[0]).toEqual({ code: "CA", name: "Canada" });
  });
});
