// The orders service's procedures: validate, call the service.
import { initServiceTRPC } from "@shop/service-kit";
import type { OrdersService } from "./orders-service.ts";
import { createOrderInput, getOrderInput, historyInput } from "./schemas.ts";

export function createOrdersRouter(service: OrdersService) {
  const t = initServiceTRPC("orders");
  return t.router({
    /** Called by checkout once the payment is captured; idempotent per checkout attempt. */
    create: t.procedure.input(createOrderInput).mutation(({ input }) => service.create(input)),
    get: t.procedure.input(getOrderInput).query(({ input }) => service.get(input.number, input.email)),
    history: t.procedure.input(historyInput).query(({ input }) => service.history(input)),
  });
}

export type OrdersRouter = ReturnType<typeof createOrdersRouter>;
