// The fields every procedure's input is built from, so that a product id or a checkout id means
// the same thing in each of them.
import { z } from "zod";

/** PostgreSQL's integer: a larger id names no row, and as a parameter it would fail as a 500. */
const MAX_INT4 = 2_147_483_647;

export const MAX_PRODUCTS_PER_CALL = 50;

export const productIdSchema = z.number().int().positive().max(MAX_INT4);

export const quantitySchema = z.number().int().min(1).max(99);

// The checkout attempt's idempotency key, chosen by the caller (a UUID, a ULID...).
export const checkoutIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,100}$/, { error: "must be 8 to 100 characters of A-Z, a-z, 0-9, - and _" });

/** Flags every repeat of a product id at the repeat's own path ("items.3.productId"). */
export function rejectRepeatedProducts<T>(
  idOf: (entry: T) => number,
  path: (index: number) => (string | number)[],
) {
  return (entries: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<number>();
    entries.forEach((entry, index) => {
      const id = idOf(entry);
      if (seen.has(id)) {
        ctx.addIssue({
          code: "custom",
          message: `product ${String(id)} appears more than once`,
          path: path(index),
        });
      }
      seen.add(id);
    });
  };
}
