// The payment router called in-process (createCaller) against the run's PostgreSQL, with orders
// of the test file's own for payments to name. The hooks open it before the file's tests and
// remove the orders and close the pool after them.
import { createDbClient } from "@shop/db";
import type { DbClient } from "@shop/db";
import { afterAll, beforeAll, inject } from "vitest";
import { createPaymentRouter } from "../src/router.ts";
import { createCallerFactory } from "../src/trpc.ts";
import { TEST_NOW } from "./charges.ts";
import { observedProcessor } from "./observed-processor.ts";
import { ordersFixture } from "./orders-fixture.ts";

function paymentCaller(db: DbClient) {
  return createCallerFactory(
    createPaymentRouter({ db, processor: observedProcessor().processor, now: () => TEST_NOW }),
  )({});
}

export interface InProcessPayment {
  db: DbClient;
  orders: ReturnType<typeof ordersFixture>;
  payment: ReturnType<typeof paymentCaller>;
}

/** Call at the top of a test file; the fields are set once its beforeAll has run. */
export function inProcessPayment(): InProcessPayment {
  const shop = {} as InProcessPayment;
  beforeAll(() => {
    shop.db = createDbClient({ connectionString: inject("databaseUrl"), poolMax: 4 });
    shop.orders = ordersFixture(shop.db);
    shop.payment = paymentCaller(shop.db);
  });
  afterAll(async () => {
    await shop.orders.cleanUp();
    await shop.db.$disconnect();
  });
  return shop;
}
