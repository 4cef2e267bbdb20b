// refund: gives a captured charge back, e.g. when checkout could not create the order it paid for.
import { z } from "zod";
import type { PaymentService } from "../payment-service.ts";
import { procedure } from "../trpc.ts";
import { idempotencyKeySchema } from "./input-fields.ts";

export const refundInput = z.object({ idempotencyKey: idempotencyKeySchema });

export function refundProcedure(service: PaymentService) {
  return procedure.input(refundInput).mutation(({ input }) => service.refund(input.idempotencyKey));
}
