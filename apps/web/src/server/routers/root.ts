// The storefront API: the only API the browser calls.
import { router } from "../trpc.ts";
import { cartRouter } from "./cart.ts";
import { catalogRouter } from "./catalog.ts";
import { checkoutRouter } from "./checkout.ts";
import { ordersRouter } from "./orders.ts";

export const storefrontRouter = router({
  catalog: catalogRouter,
  cart: cartRouter,
  checkout: checkoutRouter,
  orders: ordersRouter,
});

export type StorefrontRouter = typeof storefrontRouter;
