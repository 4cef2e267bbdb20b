// linkOrder: records the order a captured payment paid for, once checkout has created it.
import { z } from "zod";
import type { PaymentService } from "../payment-service.ts";
import { procedure } from "../trpc.ts";
import { idempotencyKeySchema, orderIdSchema } from "./input-fields.ts";

export const linkOrderInput = z.object({ idempotencyKey: idempotencyKeySchema, orderId: orderIdSchema });

export function linkOrderProcedure(service: PaymentService) {
  return procedure
    .input(linkOrderInput)
    .mutation(({ input }) => service.linkOrder(input.idempotencyKey, input.orderId));
}
