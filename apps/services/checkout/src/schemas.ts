// What placeOrder accepts: everything the shopper typed at checkout. The card goes straight to the
// payment service and is never stored or logged here.
import { z } from "zod";

export const placeOrderInput = z.object({
  // One per checkout attempt (the storefront makes it when the shopper presses "Place order").
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{8,100}$/, { error: "8-100 letters, digits, - or _" }),
  cartId: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, { error: "not a cart id" }),
  customer: z.object({
    email: z.email().max(254),
    firstName: z.string().trim().min(1).max(80),
    lastName: z.string().trim().min(1).max(80),
  }),
  shippingAddress: z.object({
    name: z.string().trim().min(1).max(120),
    line1: z.string().trim().min(1).max(200),
    line2: z.string().trim().max(200).optional(),
    city: z.string().trim().min(1).max(120),
    region: z.string().trim().max(120).optional(),
    postalCode: z.string().trim().min(2).max(16),
    country: z.string().regex(/^[A-Z]{2}$/, { error: "an ISO 3166 two-letter code" }),
  }),
  shippingMethod: z.enum(["STANDARD", "EXPRESS"]),
  card: z.object({
    number: z.string().min(12).max(23),
    expMonth: z.number().int().min(1).max(12),
    expYear: z.number().int().min(2000).max(2100),
    cvc: z.string().regex(/^\d{3,4}$/, { error: "3 or 4 digits" }),
    holderName: z.string().trim().min(1).max(120),
  }),
});
export type PlaceOrderInput = z.infer<typeof placeOrderInput>;
