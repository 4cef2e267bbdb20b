// The fields every procedure's input is built from, so that a cart id or a product id means the
// same thing in each of them.
import { z } from "zod";

/** PostgreSQL's integer: a larger id names no product, and the catalog would fail on it. */
const MAX_INT4 = 2_147_483_647;

/**
 * A sanity bound, not the shop's limit: 11 to 99 units are a well-formed request the cart refuses
 * with QUANTITY_LIMIT (and says why); beyond that the input is simply wrong.
 */
const MAX_QUANTITY_INPUT = 99;

// Chosen by the client (a UUID, a nanoid...): long enough not to be guessed, short enough for a key.
export const cartIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16,64}$/, { error: "must be 16 to 64 characters of A-Z, a-z, 0-9, - and _" });

export const productIdSchema = z.number().int().positive().max(MAX_INT4);

export const quantitySchema = z.number().int().min(1).max(MAX_QUANTITY_INPUT);

/** For setQuantity, where 0 removes the line. */
export const quantityOrZeroSchema = z.number().int().min(0).max(MAX_QUANTITY_INPUT);

export const cartInput = z.object({ cartId: cartIdSchema });
