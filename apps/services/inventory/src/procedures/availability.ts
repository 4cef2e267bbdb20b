// availability: what can still be sold of each product (on hand minus what checkouts hold).
import { z } from "zod";
import type { InventoryService } from "../inventory-service.ts";
import { procedure } from "../trpc.ts";
import { MAX_PRODUCTS_PER_CALL, productIdSchema, rejectRepeatedProducts } from "./input-fields.ts";

export const availabilityInput = z.object({
  productIds: z
    .array(productIdSchema)
    .min(1)
    .max(MAX_PRODUCTS_PER_CALL)
    .superRefine(
      rejectRepeatedProducts(
        (id: number) => id,
        (index) => [index],
      ),
    ),
});

export function availabilityProcedure(service: InventoryService) {
  return procedure.input(availabilityInput).query(({ input }) => service.availability(input.productIds));
}
