// Charging as checkout will: over real HTTP (the service's server and a typed client) against real
// PostgreSQL. Every test card's answer, what is stored of it, and the card checks that refuse a
// charge before the processor sees it. The clock is fixed, so expiry is a date the tests choose.
import { createDbClient } from "@shop/db";
import type { DbClient } from "@shop/db";
import { createServiceClient, startServiceServer } from "@shop/service-kit";
import type { ServiceErrorData, ServiceServer } from "@shop/service-kit";
import { TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { chargeOf, TEST_NOW } from "../test/charges.ts";
import { observedProcessor } from "../test/observed-processor.ts";
import { createPaymentRouter } from "./router.ts";
import type { PaymentRouter } from "./router.ts";

let db: DbClient;
let server: ServiceServer;
let client: ReturnType<typeof createServiceClient<PaymentRouter>>;
let observed: ReturnType<typeof observedProcessor>;

beforeAll(async () => {
  db = createDbClient({ connectionString: inject("databaseUrl"), poolMax: 4 });
  observed = observedProcessor();
  server = await startServiceServer({
    name: "payment",
    router: createPaymentRouter({ db, processor: observed.processor, now: () => TEST_NOW }),
    port: 0,
  });
  client = createServiceClient<PaymentRouter>({ service: "payment", url: server.url, timeoutMs: 10_000 });
});

afterAll(async () => {
  await server.stop();
  await db.$disconnect();
});

async function rejection(call: Promise<unknown>): Promise<{ message: string; data: ServiceErrorData }> {
  const error = await call.then(
    () => {
      throw new Error("expected the call to be refused");
    },
    (reason: unknown) => reason,
  );
  if (!(error instanceof TRPCClientError)) throw error;
  return { message: error.message, data: error.data as ServiceErrorData };
}

describe("the test cards", () => {
  it.each([
    ["4242424242424242", "VISA", "4242"],
    ["5555555555554444", "MASTERCARD", "4444"],
    ["378282246310005", "AMEX", "0005"],
    ["6011111111111117", "DISCOVER", "1117"],
    ["4111 1111 1111 1111", "VISA", "1111"],
    ["5105-1051-0510-5100", "MASTERCARD", "5100"],
  ])("%s is captured as %s ending %s", async (number, brand, last4) => {
    const input = chargeOf(number, { amountMinor: 12_345, currency: "EUR" });
    const result = await client.charge.mutate(input);

    expect(result).toEqual({
      status: "CAPTURED",
      paymentId: expect.any(String) as string,
      brand,
      last4,
      processorRef: expect.stringMatching(/^ch_[0-9a-z]{24}$/) as string,
      amountMinor: 12_345,
      currency: "EUR",
    });
    expect(await client.get.query({ idempotencyKey: input.idempotencyKey })).toMatchObject({
      paymentId: result.paymentId,
      status: "CAPTURED",
      brand,
      last4,
      amountMinor: 12_345,
      currency: "EUR",
      reason: null,
      orderId: null,
    });
  });

  it.each([
    ["4000000000000002", "DECLINED", "INSUFFICIENT_FUNDS", "Your card was declined: insufficient funds."],
    ["4000000000009995", "DECLINED", "INSUFFICIENT_FUNDS", "Your card was declined: insufficient funds."],
    [
      "4000000000009979",
      "DECLINED",
      "CARD_STOLEN",
      "Your card was declined. Please contact your card issuer or use another card.",
    ],
    ["4000000000000069", "DECLINED", "EXPIRED_CARD", "Your card was declined: it has expired."],
    [
      "4000000000000127",
      "DECLINED",
      "INCORRECT_CVC",
      "Your card was declined: the security code is incorrect.",
    ],
    [
      "4000000000000119",
      "FAILED",
      "PROCESSING_ERROR",
      "We could not process your card. Please try again in a moment.",
    ],
  ])(
    "%s is answered %s (%s) with HTTP 200 and a message for the shopper",
    async (number, status, reason, message) => {
      const input = chargeOf(number);
      const result = await client.charge.mutate(input);

      expect(result).toEqual({
        status,
        paymentId: expect.any(String) as string,
        brand: "VISA",
        last4: number.slice(-4),
        reason,
        message,
      });
      expect(await client.get.query({ idempotencyKey: input.idempotencyKey })).toMatchObject({
        status,
        reason,
        processorRef: null,
      });
    },
  );

  it("stores the brand and the last four digits only: never the number, expiry, CVC or holder", async () => {
    const input = chargeOf("4242424242424242", { card: { cvc: "739", expMonth: 7, expYear: 2031 } });
    const result = await client.charge.mutate(input);

    const rows = await db.$queryRaw<Record<string, unknown>[]>`
      select * from payments where idempotency_key = ${input.idempotencyKey}`;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: result.paymentId, card_brand: "VISA", card_last4: "4242" });
    const stored = JSON.stringify(rows, (_, value: unknown) =>
      typeof value === "bigint" ? String(value) : value,
    );
    for (const secret of ["4242424242424242", "739", "2031", "Ada Lovelace"])
      expect(stored).not.toContain(secret);
  });

  it("asks the processor once per charge", async () => {
    const input = chargeOf("5555555555554444");
    await client.charge.mutate(input);
    expect(observed.callsFor(input.idempotencyKey)).toBe(1);
  });
});

describe("card checks", () => {
  it.each([
    ["4242424242424241", "card.number", "is not a valid card number (check digit mismatch)"],
    [
      "3530111333300000",
      "card.number",
      "is not a card we accept (Visa, Mastercard, American Express or Discover)",
    ],
    ["4242", "card.number", "must be 12 to 19 digits (spaces and dashes are allowed)"],
    ["4242x4242x4242x4242", "card.number", "must be 12 to 19 digits (spaces and dashes are allowed)"],
  ])("refuses %s: 400 naming %s, without echoing the number", async (number, field, message) => {
    const input = chargeOf(number);
    const { message: summary, data } = await rejection(client.charge.mutate(input));

    expect(data).toMatchObject({ code: "BAD_REQUEST", httpStatus: 400, fieldErrors: { [field]: [message] } });
    expect(JSON.stringify({ summary, data })).not.toContain(number);
    expect(observed.callsFor(input.idempotencyKey)).toBe(0);
    await expect(client.get.query({ idempotencyKey: input.idempotencyKey })).rejects.toMatchObject({
      data: { code: "NOT_FOUND" },
    });
  });

  it("accepts a card through the last day of its expiry month, UTC, and refuses it after", async () => {
    // The tests' clock stands at 2026-11-26.
    expect(
      await client.charge.mutate(chargeOf("4242424242424242", { card: { expMonth: 11, expYear: 2026 } })),
    ).toMatchObject({ status: "CAPTURED" });

    const lastMonth = await rejection(
      client.charge.mutate(chargeOf("4242424242424242", { card: { expMonth: 10, expYear: 2026 } })),
    );
    expect(lastMonth.data.fieldErrors).toEqual({ "card.expMonth": ["the card has expired"] });
    const lastYear = await rejection(
      client.charge.mutate(chargeOf("4242424242424242", { card: { expMonth: 12, expYear: 2025 } })),
    );
    expect(lastYear.data.fieldErrors).toEqual({ "card.expYear": ["the card has expired"] });
  });

  it("wants a month from 1 to 12 and a plausible four-digit year", async () => {
    const month = await rejection(
      client.charge.mutate(chargeOf("4242424242424242", { card: { expMonth: 13 } })),
    );
    expect(month.data.fieldErrors).toEqual({ "card.expMonth": ["must be 1 to 12"] });
    const year = await rejection(
      client.charge.mutate(chargeOf("4242424242424242", { card: { expYear: 30 } })),
    );
    expect(year.data.fieldErrors).toEqual({ "card.expYear": ["must be the four-digit year"] });
    const farOff = await rejection(
      client.charge.mutate(chargeOf("4242424242424242", { card: { expYear: 2066 } })),
    );
    expect(farOff.data.fieldErrors).toEqual({ "card.expYear": ["is too far in the future"] });
  });

  it("wants a four-digit CVC on American Express and three digits on the others", async () => {
    const amex = await rejection(client.charge.mutate(chargeOf("378282246310005", { card: { cvc: "123" } })));
    expect(amex.data.fieldErrors).toEqual({ "card.cvc": ["must be 4 digits for American Express"] });
    const visa = await rejection(
      client.charge.mutate(chargeOf("4242424242424242", { card: { cvc: "1234" } })),
    );
    expect(visa.data.fieldErrors).toEqual({ "card.cvc": ["must be 3 digits for Visa"] });
    const letters = await rejection(
      client.charge.mutate(chargeOf("4242424242424242", { card: { cvc: "12a" } })),
    );
    expect(letters.data.fieldErrors).toEqual({ "card.cvc": ["must be 3 or 4 digits"] });
  });

  it("checks the key, the amount and the currency, naming every field at fault at once", async () => {
    const { data } = await rejection(
      client.charge.mutate(
        chargeOf("4242424242424242", { idempotencyKey: "short", amountMinor: 10_000_001, currency: "usd" }),
      ),
    );
    expect(Object.keys(data.fieldErrors ?? {}).sort()).toEqual(["amountMinor", "currency", "idempotencyKey"]);
    const cents = await rejection(client.charge.mutate(chargeOf("4242424242424242", { amountMinor: 12.5 })));
    expect(Object.keys(cents.data.fieldErrors ?? {})).toEqual(["amountMinor"]);
    const unknown = await rejection(client.charge.mutate(chargeOf("4242424242424242", { currency: "ABC" })));
    expect(unknown.data.fieldErrors).toEqual({
      currency: ["must be an upper-case ISO 4217 currency code such as USD"],
    });
  });
});
