// The inventory service process: `node --import @shop/telemetry/register src/main.ts`
// (OTEL_SERVICE_NAME=inventory). It serves the router over HTTP, sweeps expired reservations and
// restocks on timers, and on SIGTERM finishes requests in flight, stops both, then closes the pool.
import { createDbClient, followPoolExhaustion } from "@shop/db";
import { startServiceServer, stopOnSignals } from "@shop/service-kit";
import { inventoryEnv } from "./env.ts";
import { createInventoryRouter } from "./router.ts";
import { startRestocker } from "./restocker.ts";
import { startSweeper } from "./sweeper.ts";

const env = inventoryEnv();
const db = createDbClient({
  connectionString: env.DATABASE_URL,
  poolMax: env.DATABASE_POOL_MAX,
  acquireTimeoutMs: env.DATABASE_POOL_ACQUIRE_TIMEOUT_MS,
  applicationName: "inventory",
});
const sweeper = startSweeper({ db, intervalMs: env.INVENTORY_SWEEP_INTERVAL_MS });
const restocker = startRestocker({
  db,
  intervalMs: env.INVENTORY_RESTOCK_INTERVAL_MS,
  reorderShare: env.INVENTORY_REORDER_SHARE,
});

const server = await startServiceServer({
  name: "inventory",
  router: createInventoryRouter({ db, lockTimeoutMs: env.INVENTORY_LOCK_TIMEOUT_MS }),
  port: env.PORT,
  host: env.HOST,
  shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
  flagsRedisUrl: env.REDIS_URL,
  readiness: { database: () => db.$queryRaw`select 1` },
  onShutdown: async () => {
    await Promise.all([sweeper.stop(), restocker.stop()]);
    await db.$disconnect();
  },
});
// db.pool_exhaustion acts on this pool while it is on; the pool lets go when it ends.
followPoolExhaustion(db, server.flags);
stopOnSignals(server);
