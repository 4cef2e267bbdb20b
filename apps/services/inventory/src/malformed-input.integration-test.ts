// Whatever a caller sends, a malformed input is answered 400 with a message per field, never a
// 5xx: arbitrary JSON, and near misses of each procedure's input, on the wire as a client sends
// them (superjson's { json } envelope; queries by GET, mutations by POST).
import { createDbClient } from "@shop/db";
import type { DbClient } from "@shop/db";
import { startServiceServer } from "@shop/service-kit";
import type { ServiceServer } from "@shop/service-kit";
import { callProcedure, itRejectsMalformedInput } from "@shop/service-kit/testing";
import type { MalformedInputCase } from "@shop/service-kit/testing";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { availabilityInput } from "./procedures/availability.ts";
import { commitInput } from "./procedures/commit.ts";
import { releaseInput } from "./procedures/release.ts";
import { reserveInput } from "./procedures/reserve.ts";
import { createInventoryRouter } from "./router.ts";

let db: DbClient;
let server: ServiceServer;

beforeAll(async () => {
  // No seed: a malformed input never reaches the database.
  db = createDbClient({ connectionString: inject("databaseUrl"), poolMax: 2 });
  server = await startServiceServer({ name: "inventory", router: createInventoryRouter({ db }), port: 0 });
});

afterAll(async () => {
  await server.stop();
  await db.$disconnect();
});

const send = (path: string, kind: "query" | "mutation", input: unknown) =>
  callProcedure(server.url, path, kind, input);

// Near misses: the right shape with some field wrong, which is where validation bugs live.
const anything = fc.jsonValue({ maxDepth: 3 });
const looseNumber = fc.oneof(
  fc.integer({ min: -3, max: 120 }),
  fc.constantFrom(
    0,
    -1,
    100,
    2 ** 31,
    Number.MAX_SAFE_INTEGER + 2,
    1.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
  ),
  fc.double(),
  fc.string({ maxLength: 4 }),
  fc.constant(null),
);
const looseCheckoutId = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.stringMatching(/^[A-Za-z0-9_-]{8,20}$/),
  fc.constantFrom("short", "x".repeat(101), "with space-123", "checkout/12345", ""),
  anything,
);
const looseItems = fc.oneof(
  fc.array(fc.record({ productId: looseNumber, quantity: looseNumber }, { requiredKeys: [] }), {
    maxLength: 60,
  }),
  fc.array(fc.record({ productId: fc.integer({ min: 1, max: 3 }), quantity: fc.constant(1) }), {
    minLength: 2,
    maxLength: 6,
  }),
  anything,
);

const procedures = [
  {
    path: "availability",
    kind: "query",
    schema: availabilityInput,
    nearMiss: fc.record(
      {
        productIds: fc.oneof(
          fc.array(looseNumber, { maxLength: 60 }),
          fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 2, maxLength: 6 }),
          anything,
        ),
      },
      { requiredKeys: [] },
    ),
  },
  {
    path: "reserve",
    kind: "mutation",
    schema: reserveInput,
    nearMiss: fc.record(
      { checkoutId: looseCheckoutId, items: looseItems, ttlSeconds: looseNumber },
      { requiredKeys: [] },
    ),
  },
  {
    path: "commit",
    kind: "mutation",
    schema: commitInput,
    nearMiss: fc.record({ checkoutId: looseCheckoutId }, { requiredKeys: [] }),
  },
  {
    path: "release",
    kind: "mutation",
    schema: releaseInput,
    nearMiss: fc.record({ checkoutId: looseCheckoutId }, { requiredKeys: [] }),
  },
] as const satisfies readonly MalformedInputCase[];

describe("malformed input", () => {
  itRejectsMalformedInput(procedures, send);

  it("names the field at fault", async () => {
    const { error } = await send("reserve", "mutation", {
      checkoutId: "checkout-0001",
      items: [
        { productId: 1, quantity: 1 },
        { productId: 2, quantity: 100 },
        { productId: 1, quantity: 2 },
        { productId: 2 ** 31, quantity: 1 },
      ],
      ttlSeconds: 0,
    });
    expect(Object.keys(error?.data.fieldErrors ?? {}).sort()).toEqual([
      "items.1.quantity",
      "items.2.productId",
      "items.3.productId",
      "ttlSeconds",
    ]);
  });
});
