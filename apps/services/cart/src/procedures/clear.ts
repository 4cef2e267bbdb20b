// clear: the shopper emptied the cart. Not an abandonment: they chose to leave nothing behind.
import type { CartService } from "../cart-service.ts";
import { procedure } from "../trpc.ts";
import { cartInput } from "./input-fields.ts";

export const clearInput = cartInput;

export function clearProcedure(service: CartService) {
  return procedure.input(clearInput).mutation(({ input }) => service.clear(input.cartId));
}
