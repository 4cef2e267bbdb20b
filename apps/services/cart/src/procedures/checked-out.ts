// checkedOut: called by checkout once the cart became an order. The cart is deleted and never
// counted as abandoned, whatever its expiry.
import type { CartService } from "../cart-service.ts";
import { procedure } from "../trpc.ts";
import { cartInput } from "./input-fields.ts";

export const checkedOutInput = cartInput;

export function checkedOutProcedure(service: CartService) {
  return procedure.input(checkedOutInput).mutation(({ input }) => service.checkedOut(input.cartId));
}
