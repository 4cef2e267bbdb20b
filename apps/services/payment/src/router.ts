// The payment's procedures, built from the dependencies they need: main.ts passes the real
// database client and the simulated processor; tests pass a database of their own, a processor
// they can count or hold back, and a clock for card expiry.
import type { DbClient } from "@shop/db";
import type { CardProcessor } from "./card-processor.ts";
import { createPaymentRepository } from "./payment-repository.ts";
import { createPaymentService } from "./payment-service.ts";
import { chargeProcedure } from "./procedures/charge.ts";
import { getProcedure } from "./procedures/get.ts";
import { linkOrderProcedure } from "./procedures/link-order.ts";
import { refundProcedure } from "./procedures/refund.ts";
import { tracedProcessor } from "./traced-processor.ts";
import { router } from "./trpc.ts";

export interface PaymentRouterDeps {
  db: DbClient;
  processor: CardProcessor;
  now?: () => Date;
}

/** Beyond the processor's slowest answer: the queries around it and a busy database. */
const CHARGE_TRANSACTION_MARGIN_MS = 5_000;

export function createPaymentRouter({ db, processor, now = () => new Date() }: PaymentRouterDeps) {
  const service = createPaymentService({
    repository: createPaymentRepository(db, {
      chargeTimeoutMs: processor.maxLatencyMs + CHARGE_TRANSACTION_MARGIN_MS,
    }),
    processor: tracedProcessor(processor),
  });
  return router({
    charge: chargeProcedure(service, now),
    refund: refundProcedure(service),
    linkOrder: linkOrderProcedure(service),
    get: getProcedure(service),
  });
}

export type PaymentRouter = ReturnType<typeof createPaymentRouter>;
