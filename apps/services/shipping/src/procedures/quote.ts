// quote: what shipping a basket to an address costs, by each method, and when it would arrive. A
// read (nothing is booked), hence a query: callers may retry it and caches may keep it.
import { z } from "zod";
import { expectedPostalCode, isValidPostalCode } from "../postal-codes.ts";
import type { ShippingService } from "../shipping-service.ts";
import { procedure } from "../trpc.ts";

export const MAX_ITEMS_PER_QUOTE = 50;

const itemSchema = z.object({
  weightGrams: z.number().int().min(1).max(100_000),
  quantity: z.number().int().min(1).max(99),
});

const COUNTRY_CODE = /^[A-Z]{2}$/;

const destinationSchema = z
  .object({
    country: z.string().regex(COUNTRY_CODE, { error: "must be a two-letter country code, e.g. US" }),
    postalCode: z.string().trim().min(1).max(32),
  })
  .superRefine(
    (destination, ctx) => {
      if (!isValidPostalCode(destination.country, destination.postalCode)) {
        ctx.addIssue({
          code: "custom",
          message: `is not a postal code of ${destination.country}: expected ${expectedPostalCode(destination.country)}`,
          path: ["postalCode"],
        });
      }
    },
    // A postal code can only be judged against a valid country. zod would run this after a
    // non-fatal failure too (a country that fails its pattern is still a string): don't.
    { when: (payload) => payload.issues.length === 0 },
  );

export const quoteInput = z.object({
  items: z.array(itemSchema).min(1).max(MAX_ITEMS_PER_QUOTE),
  // Up to a million dollars: any real basket, far from the integers' limits.
  subtotalMinor: z.number().int().min(0).max(100_000_000),
  currency: z.literal("USD"),
  destination: destinationSchema,
});

export function quoteProcedure(service: ShippingService) {
  return procedure.input(quoteInput).query(({ input }) => service.quote(input));
}
