// setQuantity: the line holds exactly this many units from now on; 0 removes it.
import { z } from "zod";
import type { CartService } from "../cart-service.ts";
import { procedure } from "../trpc.ts";
import { cartIdSchema, productIdSchema, quantityOrZeroSchema } from "./input-fields.ts";

export const setQuantityInput = z.object({
  cartId: cartIdSchema,
  productId: productIdSchema,
  quantity: quantityOrZeroSchema,
});

export function setQuantityProcedure(service: CartService) {
  return procedure.input(setQuantityInput).mutation(({ input }) => service.setQuantity(input));
}
