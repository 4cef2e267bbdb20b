// Wires the orders service, so main.ts and tests build it the same way.
import type { DbClient } from "@shop/db";
import { OrdersRepository } from "./orders-repository.ts";
import { OrdersService } from "./orders-service.ts";
import { createOrdersRouter } from "./router.ts";

export function createOrders(db: DbClient) {
  const repository = new OrdersRepository(db);
  const service = new OrdersService(repository);
  return { repository, service, router: createOrdersRouter(service) };
}
