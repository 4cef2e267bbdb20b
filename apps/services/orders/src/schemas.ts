// What the orders service accepts. `create` is called by checkout (server to server) with prices
// it took from the catalog; the totals are still computed here, never taken from the caller.
import { z } from "zod";

const idempotencyKey = z.string().regex(/^[A-Za-z0-9_-]{8,100}$/, { error: "8-100 letters, digits, - or _" });
const email = z
  .email()
  .max(254)
  .transform((value) => value.toLowerCase());
const orderNumber = z.string().regex(/^ORD-[0-9A-HJKMNP-TV-Z]{8}$/, { error: "looks like ORD-XXXXXXXX" });

export const addressInput = z.object({
  name: z.string().trim().min(1).max(120),
  line1: z.string().trim().min(1).max(200),
  line2: z.string().trim().max(200).optional(),
  city: z.string().trim().min(1).max(120),
  region: z.string().trim().max(120).optional(),
  postalCode: z.string().trim().min(2).max(16),
  country: z.string().regex(/^[A-Z]{2}$/, { error: "an ISO 3166 two-letter code" }),
});

export const createOrderInput = z.object({
  idempotencyKey,
  customer: z.object({
    email,
    firstName: z.string().trim().min(1).max(80),
    lastName: z.string().trim().min(1).max(80),
  }),
  currency: z.string().regex(/^[A-Z]{3}$/),
  items: z
    .array(
      z.object({
        productId: z.number().int().positive().max(2_147_483_647),
        productName: z.string().min(1).max(200),
        unitPriceMinor: z.number().int().min(0).max(10_000_000),
        quantity: z.number().int().min(1).max(99),
      }),
    )
    .min(1)
    .max(50)
    .refine((items) => new Set(items.map((item) => item.productId)).size === items.length, {
      error: "each product once",
    }),
  shippingAddress: addressInput,
  shipping: z.object({
    method: z.enum(["STANDARD", "EXPRESS"]),
    zone: z.string().min(1).max(40),
    carrier: z.string().min(1).max(60),
    costMinor: z.number().int().min(0).max(1_000_000),
    estimatedDeliveryAt: z.coerce.date(),
  }),
});
export type CreateOrderInput = z.infer<typeof createOrderInput>;

export const byIdempotencyKeyInput = z.object({ idempotencyKey });

export const getOrderInput = z.object({ number: orderNumber, email });

export const historyInput = z.object({
  email,
  cursor: z.string().min(1).max(200).optional(),
  limit: z.number().int().min(1).max(50).default(10),
});
export type HistoryInput = z.infer<typeof historyInput>;

export const recentMinutesInput = z.object({
  minutes: z
    .number({ error: "minutes must be a whole number from 1 to 60" })
    .int({ error: "minutes must be a whole number from 1 to 60" })
    .min(1, { error: "minutes must be at least 1" })
    .max(60, { error: "minutes must be at most 60" })
    .default(5),
});
export type RecentMinutesInput = z.infer<typeof recentMinutesInput>;
