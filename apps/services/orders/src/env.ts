// The orders service's settings.
import { parseServiceEnv, serviceEnvSchema } from "@shop/service-kit";
import { z } from "zod";

const ordersEnvSchema = serviceEnvSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(4104),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\/\S+$/, { error: "must be a postgresql:// URL" }),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  // How long a query waits for a free connection before the call is shed as busy (503 +
  // Retry-After): the service's backpressure. Well under its callers' 2 s timeout, so the
  // service sheds before a caller gives up (a 504, and a retry that adds load).
  DATABASE_POOL_ACQUIRE_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(1_000),
});

export type OrdersEnv = z.infer<typeof ordersEnvSchema>;

export function ordersEnv(source: Record<string, string | undefined> = process.env): OrdersEnv {
  return parseServiceEnv("orders", ordersEnvSchema, source);
}
