// The shipping service process: `node --import @shop/telemetry/register src/main.ts`
// (OTEL_SERVICE_NAME=shipping). It depends on nothing but itself, so it is ready as soon as it
// listens; on SIGTERM it finishes the requests in flight and exits.
import { startServiceServer, stopOnSignals } from "@shop/service-kit";
import { shippingEnv } from "./env.ts";
import { createShippingRouter } from "./router.ts";

const env = shippingEnv();

const server = await startServiceServer({
  name: "shipping",
  router: createShippingRouter(),
  port: env.PORT,
  host: env.HOST,
  shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
  flagsRedisUrl: env.REDIS_URL,
});
stopOnSignals(server);
