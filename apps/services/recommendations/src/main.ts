// The recommendations service process: `npm start -w @shop/recommendations-service`.
import { createDbClient } from "@shop/db";
import { startServiceServer, stopOnSignals } from "@shop/service-kit";
import { logger } from "@shop/telemetry";
import { recommendationsEnv } from "./env.ts";
import { createRecommendations } from "./recommendations.ts";

const env = recommendationsEnv();
const db = createDbClient({
  connectionString: env.DATABASE_URL,
  poolMax: env.DATABASE_POOL_MAX,
  applicationName: "recommendations",
});
const recommendations = createRecommendations(db);

// Rebuild on a timer; a rebuild never overlaps the previous one.
let refreshing: Promise<void> | undefined;
const timer = setInterval(() => {
  refreshing ??= recommendations.service
    .refresh()
    .catch((error: unknown) => {
      logger.warn({ err: error }, "recommendation model refresh failed: keeping the previous one");
    })
    .finally(() => {
      refreshing = undefined;
    });
}, env.RECOMMENDATIONS_REFRESH_MS);

const server = await startServiceServer({
  name: "recommendations",
  router: recommendations.router,
  port: env.PORT,
  host: env.HOST,
  shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
  readiness: { database: () => recommendations.repository.ping() },
  onShutdown: async () => {
    clearInterval(timer);
    await refreshing;
    await db.$disconnect();
  },
});
stopOnSignals(server);
