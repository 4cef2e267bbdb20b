export { createOrders } from "./orders.ts";
export { createOrdersRouter } from "./router.ts";
export type { OrdersRouter } from "./router.ts";
export type * from "./model.ts";
