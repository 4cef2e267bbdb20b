// reserve: holds a whole basket's units for one checkout attempt until it is committed, released
// or expires. All or nothing; retrying the same checkoutId answers with the same reservation.
import { z } from "zod";
import type { InventoryService } from "../inventory-service.ts";
import { procedure } from "../trpc.ts";
import {
  checkoutIdSchema,
  MAX_PRODUCTS_PER_CALL,
  productIdSchema,
  quantitySchema,
  rejectRepeatedProducts,
} from "./input-fields.ts";

/** Long enough for a shopper to finish paying, short enough that abandoned baskets free stock. */
export const MAX_RESERVATION_TTL_SECONDS = 3_600;

export const reserveInput = z.object({
  checkoutId: checkoutIdSchema,
  items: z
    .array(z.object({ productId: productIdSchema, quantity: quantitySchema }))
    .min(1)
    .max(MAX_PRODUCTS_PER_CALL)
    .superRefine(
      rejectRepeatedProducts(
        (item: { productId: number }) => item.productId,
        (index) => [index, "productId"],
      ),
    ),
  ttlSeconds: z.number().int().min(1).max(MAX_RESERVATION_TTL_SECONDS).optional(),
});

export function reserveProcedure(service: InventoryService) {
  return procedure.input(reserveInput).mutation(({ input }) => service.reserve(input));
}
