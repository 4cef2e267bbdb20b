// The cart's procedures, built from the dependencies they need: main.ts passes the real Redis and
// catalog client; tests pass a key prefix of their own and, where time matters, a clock.
import { cartParts } from "./cart-deps.ts";
import type { CartDeps } from "./cart-deps.ts";
import { createCartService } from "./cart-service.ts";
import { addProcedure } from "./procedures/add.ts";
import { checkedOutProcedure } from "./procedures/checked-out.ts";
import { clearProcedure } from "./procedures/clear.ts";
import { removeProcedure } from "./procedures/remove.ts";
import { setQuantityProcedure } from "./procedures/set-quantity.ts";
import { viewProcedure } from "./procedures/view.ts";
import { router } from "./trpc.ts";

export type CartRouterDeps = CartDeps;

export function createCartRouter(deps: CartRouterDeps) {
  const service = createCartService(cartParts(deps));
  return router({
    view: viewProcedure(service),
    add: addProcedure(service),
    setQuantity: setQuantityProcedure(service),
    remove: removeProcedure(service),
    clear: clearProcedure(service),
    checkedOut: checkedOutProcedure(service),
  });
}

export type CartRouter = ReturnType<typeof createCartRouter>;
