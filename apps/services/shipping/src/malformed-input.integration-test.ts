// Whatever a caller sends, a quote it cannot have is answered 400 with a message per field, never
// a 5xx: arbitrary JSON, and near misses of the quote's input, on the wire as a client sends them
// (superjson's { json } envelope, by GET since quote is a query).
import { startServiceServer } from "@shop/service-kit";
import type { ServiceErrorShape, ServiceServer } from "@shop/service-kit";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { quoteInput } from "./procedures/quote.ts";
import { createShippingRouter } from "./router.ts";

let server: ServiceServer;

beforeAll(async () => {
  server = await startServiceServer({ name: "shipping", router: createShippingRouter(), port: 0 });
});

afterAll(async () => {
  await server.stop();
});

/** What the wire carries: JSON drops undefined and turns NaN and Infinity into null. */
const overTheWire = (value: unknown): unknown =>
  value === undefined ? undefined : JSON.parse(JSON.stringify(value));

async function sendQuote(input: unknown) {
  const envelope = encodeURIComponent(JSON.stringify({ json: input }));
  const response = await fetch(`${server.url}/quote?input=${envelope}`);
  const body = (await response.json()) as { error?: { json: ServiceErrorShape } };
  return { status: response.status, error: body.error?.json };
}

// Near misses: the right shape with some field wrong, which is where validation bugs live.
const anything = fc.jsonValue({ maxDepth: 3 });
const looseNumber = fc.oneof(
  fc.integer({ min: -3, max: 120 }),
  fc.constantFrom(0, -1, 99, 100, 100_000, 100_001, 100_000_001, 1.5, Number.NaN, Number.POSITIVE_INFINITY),
  fc.double(),
  fc.string({ maxLength: 4 }),
  fc.constant(null),
);
const looseItems = fc.oneof(
  fc.array(fc.record({ weightGrams: looseNumber, quantity: looseNumber }, { requiredKeys: [] }), {
    maxLength: 60,
  }),
  // Well-formed items heavy enough to pass the schema and fail the 150 kg rule.
  fc.array(
    fc.record({
      weightGrams: fc.integer({ min: 1, max: 100_000 }),
      quantity: fc.integer({ min: 1, max: 99 }),
    }),
    { minLength: 1, maxLength: 5 },
  ),
  anything,
);
const looseCountry = fc.oneof(
  fc.constantFrom("US", "CA", "GB", "DE", "JP", "BR", "ZZ", "us", "USA", "U", ""),
  fc.string({ maxLength: 3 }),
  anything,
);
const loosePostalCode = fc.oneof(
  fc.constantFrom("94105", "94105-1234", "K1A 0B1", "SW1A 1AA", "10115", "1", "", "   ", "x".repeat(40)),
  fc.stringMatching(/^[A-Z0-9 -]{0,12}$/),
  fc.string({ maxLength: 12 }),
  anything,
);
const nearMiss = fc.record(
  {
    items: looseItems,
    subtotalMinor: fc.oneof(looseNumber, fc.constantFrom(7_500, 100_000_000, 100_000_001)),
    currency: fc.oneof(fc.constantFrom("USD", "usd", "EUR"), anything),
    destination: fc.oneof(
      fc.record({ country: looseCountry, postalCode: loosePostalCode }, { requiredKeys: [] }),
      anything,
    ),
  },
  { requiredKeys: [] },
);
const input = fc.oneof(nearMiss, anything, fc.constant(undefined)).map(overTheWire);

describe("malformed input", () => {
  it("quote: what the schema rejects is a 400 with field errors, never a 5xx", async () => {
    const malformed = input.filter((value) => !quoteInput.safeParse(value).success);
    await fc.assert(
      fc.asyncProperty(malformed, async (value) => {
        const { status, error } = await sendQuote(value);
        expect(status).toBe(400);
        expect(error?.data.code).toBe("BAD_REQUEST");
        expect(Object.keys(error?.data.fieldErrors ?? {}).length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it("quote: a well-formed input is quoted, or refused by a rule with the field to blame", async () => {
    const wellFormed = fc.record({
      items: fc.array(
        fc.record({
          weightGrams: fc.integer({ min: 1, max: 100_000 }),
          quantity: fc.integer({ min: 1, max: 99 }),
        }),
        { minLength: 1, maxLength: 5 },
      ),
      subtotalMinor: fc.integer({ min: 0, max: 100_000_000 }),
      currency: fc.constant("USD"),
      destination: fc.constantFrom(
        { country: "US", postalCode: "94105" },
        { country: "CA", postalCode: "K1A 0B1" },
        { country: "GB", postalCode: "SW1A 1AA" },
        { country: "JP", postalCode: "100-0001" },
        { country: "BR", postalCode: "01310-100" },
        { country: "ZZ", postalCode: "12345" },
      ),
    });
    await fc.assert(
      fc.asyncProperty(wellFormed, async (value) => {
        expect(quoteInput.safeParse(value).success).toBe(true);
        const { status, error } = await sendQuote(value);
        expect([200, 400]).toContain(status);
        if (status === 400) {
          expect(error?.data.domainCode).toBe("INVALID_INPUT");
          expect(Object.keys(error?.data.fieldErrors ?? {})).toEqual([
            ["BR", "ZZ"].includes(value.destination.country) ? "destination.country" : "items",
          ]);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("names the fields at fault", async () => {
    const { error } = await sendQuote({
      items: [
        { weightGrams: 500, quantity: 1 },
        { weightGrams: 0, quantity: 1 },
        { weightGrams: 500, quantity: 100 },
      ],
      subtotalMinor: -1,
      currency: "EUR",
      destination: { country: "us", postalCode: "94105" },
    });
    expect(Object.keys(error?.data.fieldErrors ?? {}).sort()).toEqual([
      "currency",
      "destination.country",
      "items.1.weightGrams",
      "items.2.quantity",
      "subtotalMinor",
    ]);
  });
});
