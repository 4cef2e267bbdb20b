// The recommendations service's settings.
import { parseServiceEnv, serviceEnvSchema } from "@shop/service-kit";
import { z } from "zod";

const recommendationsEnvSchema = serviceEnvSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(4108),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\/\S+$/, { error: "must be a postgresql:// URL" }),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(20).default(2),
  // How long a query waits for a free connection before the call is shed as busy (503 +
  // Retry-After): the service's backpressure. A healthy pool hands out a connection in under a
  // millisecond; waiting longer than a quarter second only turns a saturated pool into slow
  // answers (each request queues once per query). Shedding that early fails fast instead: under
  // saturation the error rate rises while the requests served stay quick, and the service sheds
  // long before its callers' 2 s timeout (a 504, and a retry that adds load).
  DATABASE_POOL_ACQUIRE_TIMEOUT_MS: z.coerce.number().int().min(50).max(30_000).default(250),
  // How often the model is rebuilt from order history.
  RECOMMENDATIONS_REFRESH_MS: z.coerce.number().int().min(1_000).default(600_000),
});

export type RecommendationsEnv = z.infer<typeof recommendationsEnvSchema>;

export function recommendationsEnv(
  source: Record<string, string | undefined> = process.env,
): RecommendationsEnv {
  return parseServiceEnv("recommendations", recommendationsEnvSchema, source);
}
