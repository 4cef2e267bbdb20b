// The browser's cart: the cart service keeps it, the cart_id cookie says which one it is. A browser
// without the cookie has an empty cart, made on its first add.
import { DomainError } from "@shop/service-kit";
import { z } from "zod";
import type { StorefrontContext } from "../context.ts";
import { backendServices } from "../services.ts";
import { cartIdOfKey, newCartKey } from "../session-cookies.ts";
import { procedure, router } from "../trpc.ts";

const productId = z.number().int().positive().max(2_147_483_647);
const quantity = z.number().int().min(1, { error: "at least 1" }).max(99, { error: "at most 99" });

export const destinationInput = z.object({
  country: z.string().regex(/^[A-Z]{2}$/, { error: "choose a country" }),
  postalCode: z.string().trim().min(1, { error: "enter a postal code" }).max(32),
});

function emptyCart() {
  return {
    cartId: null,
    lines: [],
    itemCount: 0,
    subtotalMinor: 0,
    currency: "USD",
    expiresAt: null,
  };
}

function cartIdFor(ctx: StorefrontContext): string {
  if (ctx.cartId) return ctx.cartId;
  if (!ctx.session) throw new DomainError("INTERNAL", "a page render cannot start a cart");
  const key = newCartKey();
  ctx.session.setCartKey(key);
  return cartIdOfKey(key);
}

export const cartRouter = router({
  get: procedure.query(async ({ ctx }) => {
    if (!ctx.cartId) return emptyCart();
    return backendServices().cart.view.query({ cartId: ctx.cartId });
  }),

  add: procedure
    .input(z.object({ productId, quantity }))
    .mutation(({ ctx, input }) => backendServices().cart.add.mutate({ cartId: cartIdFor(ctx), ...input })),

  setQuantity: procedure
    .input(z.object({ productId, quantity: z.number().int().min(0).max(99, { error: "at most 99" }) }))
    .mutation(async ({ ctx, input }) => {
      if (!ctx.cartId) return emptyCart();
      return backendServices().cart.setQuantity.mutate({ cartId: ctx.cartId, ...input });
    }),

  remove: procedure.input(z.object({ productId })).mutation(async ({ ctx, input }) => {
    if (!ctx.cartId) return emptyCart();
    return backendServices().cart.remove.mutate({ cartId: ctx.cartId, ...input });
  }),

  countries: procedure.query(async () => {
    const zones = await backendServices().shipping.zones.query();
    return zones.flatMap((zone) => zone.countries).sort((a, b) => a.name.localeCompare(b.name));
  }),

  /** Shipping options for this cart to a destination (the cart page's estimate, checkout's choice). */
  shippingOptions: procedure.input(destinationInput).query(async ({ ctx, input }) => {
    if (!ctx.cartId) return { zone: null, options: [] };
    const { cart, catalog, shipping } = backendServices();
    const view = await cart.view.query({ cartId: ctx.cartId });
    const lines = view.lines.filter((line) => line.unitPriceMinor !== null && line.available > 0);
    if (lines.length === 0) return { zone: null, options: [] };
    const products = await catalog.productsByIds.query({ ids: lines.map((line) => line.productId) });
    const weights = new Map(products.map((product) => [product.id, product.weightGrams]));
    return shipping.quote.query({
      items: lines.map((line) => ({
        weightGrams: weights.get(line.productId) ?? 500,
        quantity: line.quantity,
      })),
      subtotalMinor: view.subtotalMinor,
      currency: "USD",
      destination: input,
    });
  }),
});
