// The catalog service's settings.
import { parseServiceEnv, serviceEnvSchema } from "@shop/service-kit";
import { z } from "zod";

const catalogEnvSchema = serviceEnvSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(4101),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\/\S+$/, { error: "must be a postgresql:// URL" }),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  // How long a query waits for a free connection before the call is shed as busy (503 +
  // Retry-After): the service's backpressure. A healthy pool hands out a connection in under a
  // millisecond; waiting longer than a quarter second only turns a saturated pool into slow
  // answers (each request queues once per query). Shedding that early fails fast instead: under
  // saturation the error rate rises while the requests served stay quick, and the service sheds
  // long before its callers' 2 s timeout (a 504, and a retry that adds load).
  DATABASE_POOL_ACQUIRE_TIMEOUT_MS: z.coerce.number().int().min(50).max(30_000).default(250),
  REDIS_URL: z.string().regex(/^rediss?:\/\/\S+$/, { error: "must be a redis:// URL" }),
  // Namespace of the cache keys, for when several catalogs (databases) share one Redis.
  CATALOG_CACHE_PREFIX: z
    .string()
    .regex(/^[a-z0-9:_-]{1,40}$/)
    .default("catalog"),
  // How often the db.missing_index reconciler re-checks the schema besides reacting to flag
  // changes (it catches a missed change or a failed run; one pg_indexes read each time).
  CATALOG_INDEX_RECONCILE_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(30_000),
});

export type CatalogEnv = z.infer<typeof catalogEnvSchema>;

export function catalogEnv(source: Record<string, string | undefined> = process.env): CatalogEnv {
  return parseServiceEnv("catalog", catalogEnvSchema, source);
}
