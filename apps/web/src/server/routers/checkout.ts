// Placing an order: what the shopper typed, with this browser's cart. A declined card is an
// answer (status DECLINED), not an error; the card goes to the checkout service and nowhere else.
import { DomainError } from "@shop/service-kit";
import { z } from "zod";
import { backendServices } from "../services.ts";
import { procedure, router } from "../trpc.ts";

const required = (field: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, { error: `enter ${field}` })
    .max(max, { error: `${field} is too long` });

export const placeOrderInput = z.object({
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{8,100}$/, { error: "not a checkout attempt id" }),
  customer: z.object({
    email: z.email({ error: "enter a valid email address" }).max(254),
    firstName: required("your first name", 80),
    lastName: required("your last name", 80),
  }),
  shippingAddress: z.object({
    line1: required("a street address", 200),
    line2: z.string().trim().max(200).optional(),
    city: required("a city", 120),
    region: z.string().trim().max(120).optional(),
    postalCode: z
      .string()
      .trim()
      .min(2, { error: "enter a postal code" })
      .max(16, { error: "postal code is too long" }),
    country: z.string().regex(/^[A-Z]{2}$/, { error: "choose a country" }),
  }),
  shippingMethod: z.enum(["STANDARD", "EXPRESS"], { error: "choose a shipping method" }),
  card: z.object({
    number: z
      .string()
      .transform((value) => value.replace(/[\s-]/g, ""))
      .pipe(z.string().regex(/^\d{12,19}$/, { error: "enter the card number" })),
    expMonth: z.number().int().min(1, { error: "month 1-12" }).max(12, { error: "month 1-12" }),
    expYear: z.number().int().min(2000).max(2100, { error: "not a valid year" }),
    cvc: z.string().regex(/^\d{3,4}$/, { error: "3 or 4 digits" }),
    holderName: required("the name on the card", 120),
  }),
});
export type PlaceOrderInput = z.input<typeof placeOrderInput>;

export const checkoutRouter = router({
  placeOrder: procedure.input(placeOrderInput).mutation(async ({ ctx, input }) => {
    if (!ctx.cartId) throw new DomainError("CART_EMPTY", "Your cart is empty.");
    const { customer, shippingAddress } = input;
    const result = await backendServices().checkout.placeOrder.mutate({
      ...input,
      cartId: ctx.cartId,
      shippingAddress: { ...shippingAddress, name: `${customer.firstName} ${customer.lastName}` },
    });
    if (result.status === "DECLINED") {
      return { status: "DECLINED" as const, reason: result.reason, message: result.message };
    }
    ctx.session?.setOrderAccess({ number: result.order.number, email: result.order.email });
    return {
      status: "PLACED" as const,
      orderNumber: result.order.number,
      totalMinor: result.order.totalMinor,
      currency: result.order.currency,
    };
  }),
});
