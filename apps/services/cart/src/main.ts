// The cart service process: `node --import @shop/telemetry/register src/main.ts`
// (OTEL_SERVICE_NAME=cart). It serves the router over HTTP, counts expired carts as abandoned on a
// timer, and on SIGTERM finishes requests in flight, stops the sweeper, then closes Redis.
import type { CatalogRouter } from "@shop/catalog-service";
import { createServiceClient, startServiceServer, stopOnSignals } from "@shop/service-kit";
import { Redis } from "ioredis";
import { cartParts } from "./cart-deps.ts";
import type { CartDeps } from "./cart-deps.ts";
import { cartEnv } from "./env.ts";
import { createCartRouter } from "./router.ts";
import { startSweeper } from "./sweeper.ts";

const env = cartEnv();
// Carts live only in Redis: while it is away, fail fast (and say not ready) instead of queueing.
const redis = new Redis(env.REDIS_URL, {
  maxRetriesPerRequest: 1,
  enableOfflineQueue: false,
  connectionName: "cart",
});
// Reconnection is automatic; /readyz reports the outage, so the per-attempt errors are noise.
redis.on("error", () => undefined);
const deps: CartDeps = {
  redis,
  catalog: createServiceClient<CatalogRouter>({ service: "catalog", url: env.CATALOG_URL }),
  keyPrefix: env.CART_KEY_PREFIX,
  ttlSeconds: env.CART_TTL_SECONDS,
};
const sweeper = startSweeper({ ...cartParts(deps), intervalMs: env.CART_SWEEP_INTERVAL_MS });

const server = await startServiceServer({
  name: "cart",
  router: createCartRouter(deps),
  port: env.PORT,
  host: env.HOST,
  shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
  flagsRedisUrl: env.REDIS_URL,
  readiness: { redis: () => redis.ping() },
  onShutdown: async () => {
    await sweeper.stop();
    redis.disconnect();
  },
});
stopOnSignals(server);
