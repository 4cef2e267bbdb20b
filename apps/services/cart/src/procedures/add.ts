// add: puts units of a product in the cart, on top of what its line already holds.
import { z } from "zod";
import type { CartService } from "../cart-service.ts";
import { procedure } from "../trpc.ts";
import { cartIdSchema, productIdSchema, quantitySchema } from "./input-fields.ts";

export const addInput = z.object({
  cartId: cartIdSchema,
  productId: productIdSchema,
  quantity: quantitySchema,
});

export function addProcedure(service: CartService) {
  return procedure.input(addInput).mutation(({ input }) => service.add(input));
}
