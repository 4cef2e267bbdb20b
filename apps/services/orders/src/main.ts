// The orders service process: `npm start -w @shop/orders-service` (telemetry preloaded).
import { createDbClient } from "@shop/db";
import { startServiceServer, stopOnSignals } from "@shop/service-kit";
import { ordersEnv } from "./env.ts";
import { createOrders } from "./orders.ts";

const env = ordersEnv();
const db = createDbClient({
  connectionString: env.DATABASE_URL,
  poolMax: env.DATABASE_POOL_MAX,
  applicationName: "orders",
});
const orders = createOrders(db);

const server = await startServiceServer({
  name: "orders",
  router: orders.router,
  port: env.PORT,
  host: env.HOST,
  shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
  readiness: { database: () => orders.repository.ping() },
  onShutdown: () => db.$disconnect(),
});
stopOnSignals(server);
