// The orders service's procedures: validate, call the service.
import { initServiceTRPC } from "@shop/service-kit";
import type { OrdersService } from "./orders-service.ts";
import {
  byIdempotencyKeyInput,
  createOrderInput,
  getOrderInput,
  historyInput,
  recentMinutesInput,
} from "./schemas.ts";

export function createOrdersRouter(service: OrdersService) {
  const t = initServiceTRPC("orders");
  return t.router({
    /** Called by checkout once the payment is captured; idempotent per checkout attempt. */
    create: t.procedure.input(createOrderInput).mutation(({ input }) => service.create(input)),
    /** For checkout (server to server): the order of a checkout attempt, or null. */
    byIdempotencyKey: t.procedure
      .input(byIdempotencyKeyInput)
      .query(({ input }) => service.byIdempotencyKey(input.idempotencyKey)),
    get: t.procedure.input(getOrderInput).query(({ input }) => service.get(input.number, input.email)),
    history: t.procedure.input(historyInput).query(({ input }) => service.history(input)),
    stats: t.router({
      /** For the presenter console: orders and revenue per minute, lately. */
      recentMinutes: t.procedure.input(recentMinutesInput).query(({ input }) => service.recentMinutes(input)),
    }),
  });
}

export type OrdersRouter = ReturnType<typeof createOrdersRouter>;
