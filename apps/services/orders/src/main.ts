// The orders service process: `npm start -w @shop/orders-service` (telemetry preloaded).
import { createDbClient, followPoolExhaustion } from "@shop/db";
import { startServiceServer, stopOnSignals } from "@shop/service-kit";
import { ordersEnv } from "./env.ts";
import { createOrders } from "./orders.ts";

const env = ordersEnv();
const db = createDbClient({
  connectionString: env.DATABASE_URL,
  poolMax: env.DATABASE_POOL_MAX,
  acquireTimeoutMs: env.DATABASE_POOL_ACQUIRE_TIMEOUT_MS,
  applicationName: "orders",
});
const orders = createOrders(db);

const server = await startServiceServer({
  name: "orders",
  router: orders.router,
  port: env.PORT,
  host: env.HOST,
  shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
  flagsRedisUrl: env.REDIS_URL,
  readiness: { database: () => orders.repository.ping() },
  onShutdown: () => db.$disconnect(),
});
// db.pool_exhaustion acts on this pool while it is on; the pool lets go when it ends.
followPoolExhaustion(db, server.flags);
stopOnSignals(server);
