// The fields every procedure's input is built from, so an idempotency key or an order id means
// the same thing in each of them.
import { z } from "zod";

/** PostgreSQL's integer: a larger id names no row, and as a parameter it would fail as a 500. */
const MAX_INT4 = 2_147_483_647;

// The charge attempt's key, chosen by the caller (checkout uses its own attempt's key): one key,
// one charge.
export const idempotencyKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,100}$/, { error: "must be 8 to 100 characters of A-Z, a-z, 0-9, - and _" });

export const orderIdSchema = z.number().int().positive().max(MAX_INT4);
