// The catalog service process: `npm start -w @shop/catalog-service` (telemetry preloaded).
import { createDbClient, followPoolExhaustion } from "@shop/db";
import { startServiceServer, stopOnSignals } from "@shop/service-kit";
import { Redis } from "ioredis";
import { createCatalog } from "./catalog.ts";
import { catalogEnv } from "./env.ts";
import { MissingIndexReconciler } from "./missing-index.ts";

const env = catalogEnv();
const db = createDbClient({
  connectionString: env.DATABASE_URL,
  poolMax: env.DATABASE_POOL_MAX,
  acquireTimeoutMs: env.DATABASE_POOL_ACQUIRE_TIMEOUT_MS,
  applicationName: "catalog",
});
// Fail fast instead of queueing when Redis is away: the cache falls back to the database.
const redis = new Redis(env.REDIS_URL, {
  maxRetriesPerRequest: 1,
  enableOfflineQueue: false,
  connectionName: "catalog",
});
redis.on("error", () => undefined);
const catalog = createCatalog(db, redis, { cachePrefix: env.CATALOG_CACHE_PREFIX });
const indexes = new MissingIndexReconciler(db);

const server = await startServiceServer({
  name: "catalog",
  router: catalog.router,
  port: env.PORT,
  host: env.HOST,
  shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
  flagsRedisUrl: env.REDIS_URL,
  // Redis is not a readiness condition: the catalog serves from PostgreSQL without it.
  readiness: { database: () => catalog.repository.ping() },
  onShutdown: async () => {
    await indexes.stop();
    redis.disconnect();
    await db.$disconnect();
  },
});
// db.pool_exhaustion acts on this pool while it is on; the pool lets go when it ends.
followPoolExhaustion(db, server.flags);
stopOnSignals(server);
// After the server started this process's flags. A failure is logged and retried on the timer:
// the catalog serves (maybe slowly) either way.
await indexes.start(env.CATALOG_INDEX_RECONCILE_MS).catch(() => undefined);
