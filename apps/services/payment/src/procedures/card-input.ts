// The card as a shopper types it, checked before anything reaches the processor: a number that
// passes the Luhn check and belongs to a brand the shop accepts, an expiry that has not passed,
// a security code as long as the brand prints it. Messages name the field, never its value: they
// are returned to the caller and logged.
import { z } from "zod";
import { cardDigits, cardNumberProblem, cvcLength, detectBrand, BRAND_NAMES } from "../card-number.ts";
import { hasExpired, MAX_YEARS_AHEAD } from "../card-expiry.ts";

// Up to 19 digits, with room for a separator between each pair.
const cardNumberSchema = z
  .string()
  .regex(/^[\d -]{12,40}$/, { error: "must be 12 to 19 digits (spaces and dashes are allowed)" })
  .transform(cardDigits)
  .check((ctx) => {
    const problem = cardNumberProblem(ctx.value);
    if (problem) ctx.issues.push({ code: "custom", message: problem, input: "[card number]" });
  });

export function cardInput(now: () => Date) {
  return z
    .object({
      number: cardNumberSchema,
      expMonth: z.number().int().min(1, { error: "must be 1 to 12" }).max(12, { error: "must be 1 to 12" }),
      expYear: z
        .number()
        .int()
        .min(2000, { error: "must be the four-digit year" })
        .max(2199, { error: "must be the four-digit year" }),
      cvc: z.string().regex(/^\d{3,4}$/, { error: "must be 3 or 4 digits" }),
      holderName: z.string().trim().min(1).max(100),
    })
    .transform((card, ctx) => {
      const brand = detectBrand(card.number);
      if (!brand) {
        // The number's own check has refused it already; this keeps the types honest.
        ctx.addIssue({ code: "custom", path: ["number"], message: "is not a card we accept" });
        return z.NEVER;
      }
      const length = cvcLength(brand);
      if (card.cvc.length !== length) {
        ctx.addIssue({
          code: "custom",
          path: ["cvc"],
          message: `must be ${String(length)} digits for ${BRAND_NAMES[brand]}`,
        });
      }
      const at = now();
      if (hasExpired(card.expMonth, card.expYear, at)) {
        // The year is at fault when it has passed, else the month of this year.
        const field = card.expYear < at.getUTCFullYear() ? "expYear" : "expMonth";
        ctx.addIssue({ code: "custom", path: [field], message: "the card has expired" });
      } else if (card.expYear > at.getUTCFullYear() + MAX_YEARS_AHEAD) {
        ctx.addIssue({ code: "custom", path: ["expYear"], message: "is too far in the future" });
      }
      return { ...card, brand };
    });
}
