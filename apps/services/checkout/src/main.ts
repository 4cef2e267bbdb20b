// The checkout service process: `npm start -w @shop/checkout-service` (telemetry preloaded).
import { startServiceServer, stopOnSignals } from "@shop/service-kit";
import { CheckoutService } from "./checkout-service.ts";
import { createDownstream } from "./clients.ts";
import { checkoutEnv } from "./env.ts";
import { createCheckoutRouter } from "./router.ts";

const env = checkoutEnv();
const service = new CheckoutService(createDownstream(env));

const server = await startServiceServer({
  name: "checkout",
  router: createCheckoutRouter(service),
  port: env.PORT,
  host: env.HOST,
  shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
  flagsRedisUrl: env.REDIS_URL,
  // Checkout owns no storage; whether its dependencies answer is their readiness, not its own.
});
stopOnSignals(server);
