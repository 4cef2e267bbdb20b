// release: the checkout was abandoned or failed; its reserved units go back on sale.
import { z } from "zod";
import type { InventoryService } from "../inventory-service.ts";
import { procedure } from "../trpc.ts";
import { checkoutIdSchema } from "./input-fields.ts";

export const releaseInput = z.object({ checkoutId: checkoutIdSchema });

export function releaseProcedure(service: InventoryService) {
  return procedure.input(releaseInput).mutation(({ input }) => service.release(input.checkoutId));
}
