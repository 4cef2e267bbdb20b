// The recommendations service process: `npm start -w @shop/recommendations-service`.
import { createDbClient, followPoolExhaustion } from "@shop/db";
import { startPeriodicTask, startServiceServer, stopOnSignals } from "@shop/service-kit";
import { recommendationsEnv } from "./env.ts";
import { createRecommendations } from "./recommendations.ts";

const env = recommendationsEnv();
const db = createDbClient({
  connectionString: env.DATABASE_URL,
  poolMax: env.DATABASE_POOL_MAX,
  acquireTimeoutMs: env.DATABASE_POOL_ACQUIRE_TIMEOUT_MS,
  applicationName: "recommendations",
});
const recommendations = createRecommendations(db);

// A failed rebuild keeps the previous model.
const refresher = startPeriodicTask(
  "refreshing the recommendation model",
  env.RECOMMENDATIONS_REFRESH_MS,
  () => recommendations.service.refresh(),
);

const server = await startServiceServer({
  name: "recommendations",
  router: recommendations.router,
  port: env.PORT,
  host: env.HOST,
  shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
  flagsRedisUrl: env.REDIS_URL,
  readiness: { database: () => recommendations.repository.ping() },
  onShutdown: async () => {
    await refresher.stop();
    await db.$disconnect();
  },
});
// db.pool_exhaustion acts on this pool while it is on; the pool lets go when it ends.
followPoolExhaustion(db, server.flags);
stopOnSignals(server);
