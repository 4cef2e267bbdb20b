// commit: the checkout was paid for; its reserved units leave the warehouse's stock for good.
import { z } from "zod";
import type { InventoryService } from "../inventory-service.ts";
import { procedure } from "../trpc.ts";
import { checkoutIdSchema } from "./input-fields.ts";

export const commitInput = z.object({ checkoutId: checkoutIdSchema });

export function commitProcedure(service: InventoryService) {
  return procedure.input(commitInput).mutation(({ input }) => service.commit(input.checkoutId));
}
