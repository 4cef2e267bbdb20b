// view: the cart at the catalog's current prices and stock; an unknown or expired cart is empty.
import type { CartService } from "../cart-service.ts";
import { procedure } from "../trpc.ts";
import { cartInput } from "./input-fields.ts";

export const viewInput = cartInput;

export function viewProcedure(service: CartService) {
  return procedure.input(viewInput).query(({ input }) => service.view(input.cartId));
}
