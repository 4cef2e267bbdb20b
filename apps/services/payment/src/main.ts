// The payment service process: `node --import @shop/telemetry/register src/main.ts`
// (OTEL_SERVICE_NAME=payment). It serves the router over HTTP, charging through the simulated
// processor, settles charges dead checkouts left behind on a timer, and on SIGTERM finishes the
// charges in flight and the sweep in progress before it closes the pool.
import { createDbClient, followPoolExhaustion } from "@shop/db";
import { startServiceServer, stopOnSignals } from "@shop/service-kit";
import { createSimulatedProcessor } from "./card-processor.ts";
import { paymentEnv } from "./env.ts";
import { startOrphanSweeper } from "./orphan-sweeper.ts";
import { createPaymentRouter } from "./router.ts";

const env = paymentEnv();
const db = createDbClient({
  connectionString: env.DATABASE_URL,
  poolMax: env.DATABASE_POOL_MAX,
  acquireTimeoutMs: env.DATABASE_POOL_ACQUIRE_TIMEOUT_MS,
  applicationName: "payment",
});

const sweeper = startOrphanSweeper({
  db,
  intervalMs: env.PAYMENT_ORPHAN_SWEEP_INTERVAL_MS,
  orphanAgeMs: env.PAYMENT_ORPHAN_AGE_MS,
});
const server = await startServiceServer({
  name: "payment",
  router: createPaymentRouter({
    db,
    processor: createSimulatedProcessor({ medianLatencyMs: env.PAYMENT_LATENCY_MS }),
  }),
  port: env.PORT,
  host: env.HOST,
  shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
  flagsRedisUrl: env.REDIS_URL,
  readiness: { database: () => db.$queryRaw`select 1` },
  onShutdown: async () => {
    await sweeper.stop();
    await db.$disconnect();
  },
});
// db.pool_exhaustion acts on this pool while it is on; the pool lets go when it ends.
followPoolExhaustion(db, server.flags);
stopOnSignals(server);
