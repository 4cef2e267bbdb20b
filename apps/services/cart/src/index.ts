// What other packages may import: the router factory, and the router's type for typed clients
// (`createServiceClient<CartRouter>`).
export { createCartRouter } from "./router.ts";
export type { CartRouter, CartRouterDeps } from "./router.ts";
export type { CartLineView, CartView } from "./cart-view.ts";
export { MAX_LINES_PER_CART, MAX_QUANTITY_PER_LINE } from "./cart-limits.ts";
