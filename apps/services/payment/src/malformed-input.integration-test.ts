// Whatever a caller sends, a malformed input is answered 400 with a message per field, never a
// 5xx: arbitrary JSON, and near misses of each procedure's input, on the wire as a client sends
// them (superjson's { json } envelope; queries by GET, mutations by POST).
import { createDbClient } from "@shop/db";
import type { DbClient } from "@shop/db";
import { startServiceServer } from "@shop/service-kit";
import type { ServiceErrorShape, ServiceServer } from "@shop/service-kit";
import { itRejectsMalformedInput } from "@shop/service-kit/testing";
import type { MalformedInputCase } from "@shop/service-kit/testing";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { TEST_NOW } from "../test/charges.ts";
import { observedProcessor } from "../test/observed-processor.ts";
import { chargeInput } from "./procedures/charge.ts";
import { getInput } from "./procedures/get.ts";
import { linkOrderInput } from "./procedures/link-order.ts";
import { refundInput } from "./procedures/refund.ts";
import { createPaymentRouter } from "./router.ts";

let db: DbClient;
let server: ServiceServer;

beforeAll(async () => {
  // No seed: a malformed input never reaches the database.
  db = createDbClient({ connectionString: inject("databaseUrl"), poolMax: 2 });
  server = await startServiceServer({
    name: "payment",
    router: createPaymentRouter({ db, processor: observedProcessor().processor, now: () => TEST_NOW }),
    port: 0,
  });
});

afterAll(async () => {
  await server.stop();
  await db.$disconnect();
});

async function send(path: string, kind: "query" | "mutation", input: unknown) {
  const envelope = JSON.stringify({ json: input });
  const response =
    kind === "query"
      ? await fetch(`${server.url}/${path}?input=${encodeURIComponent(envelope)}`)
      : await fetch(`${server.url}/${path}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: envelope,
        });
  const text = await response.text();
  const body = JSON.parse(text) as { error?: { json: ServiceErrorShape } };
  return { status: response.status, error: body.error?.json, text };
}

// Near misses: the right shape with some field wrong, which is where validation bugs live.
const anything = fc.jsonValue({ maxDepth: 3 });
const looseNumber = fc.oneof(
  fc.integer({ min: -3, max: 2_200 }),
  fc.constantFrom(
    0,
    -1,
    13,
    2 ** 31,
    10_000_001,
    Number.MAX_SAFE_INTEGER + 2,
    1.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
  ),
  fc.double(),
  fc.string({ maxLength: 4 }),
  fc.constant(null),
);
const looseKey = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.stringMatching(/^[A-Za-z0-9_-]{8,20}$/),
  fc.constantFrom("short", "x".repeat(101), "with space-123", "payment/12345", ""),
  anything,
);
const looseCardNumber = fc.oneof(
  fc.constantFrom(
    "4242424242424242",
    "4242 4242 4242 4242",
    "4242424242424241",
    "3530111333300000",
    "378282246310005",
    "42424242",
    "4242-4242-4242-4242-4242",
    "٤٢٤٢٤٢٤٢٤٢٤٢٤٢٤٢",
    "",
  ),
  fc.stringMatching(/^[0-9 -]{0,24}$/),
  fc.string({ maxLength: 24 }),
  anything,
);
const looseCard = fc.record(
  {
    number: looseCardNumber,
    expMonth: looseNumber,
    expYear: fc.oneof(looseNumber, fc.integer({ min: 2020, max: 2050 })),
    cvc: fc.oneof(fc.stringMatching(/^\d{2,5}$/), fc.string({ maxLength: 5 }), anything),
    holderName: fc.oneof(
      fc.string({ maxLength: 4 }),
      fc.constant(" "),
      fc.constant("x".repeat(101)),
      anything,
    ),
  },
  { requiredKeys: [] },
);

const procedures = [
  {
    path: "charge",
    kind: "mutation",
    schema: chargeInput(() => TEST_NOW),
    nearMiss: fc.record(
      {
        idempotencyKey: looseKey,
        amountMinor: looseNumber,
        currency: fc.oneof(
          fc.constantFrom("USD", "usd", "ZZZ", "US", "EURO"),
          fc.string({ maxLength: 4 }),
          anything,
        ),
        card: fc.oneof(looseCard, anything),
      },
      { requiredKeys: [] },
    ),
  },
  {
    path: "refund",
    kind: "mutation",
    schema: refundInput,
    nearMiss: fc.record({ idempotencyKey: looseKey }, { requiredKeys: [] }),
  },
  {
    path: "linkOrder",
    kind: "mutation",
    schema: linkOrderInput,
    nearMiss: fc.record({ idempotencyKey: looseKey, orderId: looseNumber }, { requiredKeys: [] }),
  },
  {
    path: "get",
    kind: "query",
    schema: getInput,
    nearMiss: fc.record({ idempotencyKey: looseKey }, { requiredKeys: [] }),
  },
] as const satisfies readonly MalformedInputCase[];

describe("malformed input", () => {
  itRejectsMalformedInput(procedures, send);

  it("names the fields at fault, and never repeats the card number or the CVC", async () => {
    const { error, text } = await send("charge", "mutation", {
      idempotencyKey: "payment-0001",
      amountMinor: 0,
      currency: "USD",
      card: { number: "4242 4242 4242 4241", expMonth: 0, expYear: 2030, cvc: "98a", holderName: "" },
    });
    expect(error?.data.fieldErrors).toEqual({
      amountMinor: ["Too small: expected number to be >=1"],
      "card.number": ["is not a valid card number (check digit mismatch)"],
      "card.expMonth": ["must be 1 to 12"],
      "card.cvc": ["must be 3 or 4 digits"],
      "card.holderName": ["Too small: expected string to have >=1 characters"],
    });
    for (const secret of ["4242 4242 4242 4241", "4242424242424241", "98a"])
      expect(text).not.toContain(secret);
  });
});
