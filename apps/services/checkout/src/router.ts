// The checkout's procedure: validate, run the saga.
import { initServiceTRPC } from "@shop/service-kit";
import type { CheckoutService } from "./checkout-service.ts";
import { placeOrderInput } from "./schemas.ts";

export function createCheckoutRouter(service: CheckoutService) {
  const t = initServiceTRPC("checkout");
  return t.router({
    placeOrder: t.procedure.input(placeOrderInput).mutation(({ input }) => service.placeOrder(input)),
  });
}

export type CheckoutRouter = ReturnType<typeof createCheckoutRouter>;
