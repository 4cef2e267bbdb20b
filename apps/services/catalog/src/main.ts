// The catalog service process: `npm start -w @shop/catalog-service` (telemetry preloaded).
import { createDbClient } from "@shop/db";
import { startServiceServer, stopOnSignals } from "@shop/service-kit";
import { Redis } from "ioredis";
import { createCatalog } from "./catalog.ts";
import { catalogEnv } from "./env.ts";

const env = catalogEnv();
const db = createDbClient({
  connectionString: env.DATABASE_URL,
  poolMax: env.DATABASE_POOL_MAX,
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

const server = await startServiceServer({
  name: "catalog",
  router: catalog.router,
  port: env.PORT,
  host: env.HOST,
  shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
  // Redis is not a readiness condition: the catalog serves from PostgreSQL without it.
  readiness: { database: () => catalog.repository.ping() },
  onShutdown: async () => {
    redis.disconnect();
    await db.$disconnect();
  },
});
stopOnSignals(server);
