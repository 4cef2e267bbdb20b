// remove: takes a product's line out of the cart (nothing happens if it was not there).
import { z } from "zod";
import type { CartService } from "../cart-service.ts";
import { procedure } from "../trpc.ts";
import { cartIdSchema, productIdSchema } from "./input-fields.ts";

export const removeInput = z.object({ cartId: cartIdSchema, productId: productIdSchema });

export function removeProcedure(service: CartService) {
  return procedure.input(removeInput).mutation(({ input }) => service.remove(input.cartId, input.productId));
}
