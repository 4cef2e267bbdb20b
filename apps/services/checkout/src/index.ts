export { CheckoutService } from "./checkout-service.ts";
export type { PlaceOrderResult } from "./checkout-service.ts";
export { createDownstream } from "./clients.ts";
export { createCheckoutRouter } from "./router.ts";
export type { CheckoutRouter } from "./router.ts";
export type { Downstream } from "./downstream.ts";
