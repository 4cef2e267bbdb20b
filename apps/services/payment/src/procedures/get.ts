// get: the stored attempt (brand, last four digits, status, amount, reason), e.g. for support.
import { z } from "zod";
import type { PaymentService } from "../payment-service.ts";
import { procedure } from "../trpc.ts";
import { idempotencyKeySchema } from "./input-fields.ts";

export const getInput = z.object({ idempotencyKey: idempotencyKeySchema });

export function getProcedure(service: PaymentService) {
  return procedure.input(getInput).query(({ input }) => service.get(input.idempotencyKey));
}
