// charge: takes the amount from the card, once per idempotency key. A declined card is an answer
// (status DECLINED with the shopper's message), not an error; retrying the key repeats the answer.
import { z } from "zod";
import type { PaymentService } from "../payment-service.ts";
import { procedure } from "../trpc.ts";
import { cardInput } from "./card-input.ts";
import { idempotencyKeySchema } from "./input-fields.ts";

/** 100,000.00 in a two-decimal currency: beyond any basket, so a larger amount is a bug. */
export const MAX_AMOUNT_MINOR = 10_000_000;

const ISO_CURRENCIES = new Set(Intl.supportedValuesOf("currency"));

export function chargeInput(now: () => Date) {
  return z.object({
    idempotencyKey: idempotencyKeySchema,
    amountMinor: z.number().int().min(1).max(MAX_AMOUNT_MINOR),
    currency: z.string().refine((code) => /^[A-Z]{3}$/.test(code) && ISO_CURRENCIES.has(code), {
      error: "must be an upper-case ISO 4217 currency code such as USD",
    }),
    card: cardInput(now),
  });
}

export function chargeProcedure(service: PaymentService, now: () => Date) {
  return procedure.input(chargeInput(now)).mutation(({ input }) => service.charge(input));
}
